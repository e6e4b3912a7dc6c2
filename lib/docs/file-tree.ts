/**
 * A folder tree out of flat export paths, for the docs' file explorer.
 */

export interface FileTreeNode {
  name: string
  /** Full path: the file's key in the export, or the folder's prefix without trailing slash. */
  path: string
  /** Present on folders only. */
  children?: FileTreeNode[]
}

function sortTree(nodes: FileTreeNode[]): FileTreeNode[] {
  nodes.sort((a, b) => {
    const folder = Number(b.children !== undefined) - Number(a.children !== undefined)
    return folder !== 0 ? folder : a.name < b.name ? -1 : a.name > b.name ? 1 : 0
  })
  for (const n of nodes) if (n.children) sortTree(n.children)
  return nodes
}

/** Folders whose only child is a folder merge with it (`docker/s6/rootfs`), as editors show them. */
function compact(nodes: FileTreeNode[]): FileTreeNode[] {
  return nodes.map((n) => {
    if (!n.children) return n
    let node: FileTreeNode = n
    while (node.children?.length === 1 && node.children[0]?.children) {
      const only: FileTreeNode = node.children[0]
      node = { name: `${node.name}/${only.name}`, path: only.path, children: only.children ?? [] }
    }
    return { ...node, children: compact(node.children ?? []) }
  })
}

/**
 * Nests `/`-separated paths into folders, folders first, then by name. A chain of folders
 * that hold nothing but the next folder shows as one entry.
 *
 * @example buildFileTree(['a/b/c', 'd']) // [{ name: 'a/b', path: 'a/b', children: [{ name: 'c', path: 'a/b/c' }] }, { name: 'd', path: 'd' }]
 */
export function buildFileTree(paths: Iterable<string>): FileTreeNode[] {
  const root: FileTreeNode[] = []
  for (const path of paths) {
    const parts = path.split('/').filter(Boolean)
    let level = root
    parts.forEach((name, i) => {
      const at = parts.slice(0, i + 1).join('/')
      const leaf = i === parts.length - 1
      let node = level.find((n) => n.name === name && (n.children === undefined) === leaf)
      if (!node) {
        node = leaf ? { name, path: at } : { name, path: at, children: [] }
        level.push(node)
      }
      if (node.children) level = node.children
    })
  }
  return compact(sortTree(root))
}

/** Folder paths to open at first: every folder on the way to `path`. */
export function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean)
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'))
}
