/**
 * The export as a folder tree for the Files preview, drawn like a `tree` listing (`├──`, `└──`,
 * `│`) with folders that open and close. Folders with a single sub-folder and nothing else are
 * shown as one row (`rootfs/etc/s6-overlay/`), as editors do, to keep the tree shallow.
 */

export interface FileTreeNode {
  /** What the row shows: a name, or several joined with `/` for a compacted chain. */
  name: string
  /** Full path (of the deepest folder for a compacted chain); '' for the root. */
  path: string
  kind: 'dir' | 'file'
  children: FileTreeNode[]
}

export interface FileTreeRow {
  path: string
  name: string
  kind: 'dir' | 'file'
  depth: number
  /** The tree-drawing prefix, for example '│   ├── '. */
  guide: string
  /** Folders: whether its children are shown. */
  expanded: boolean
  /** Folders: how many entries it holds directly. */
  size: number
}

/**
 * Builds the tree of a list of file paths, entries in the order given within each folder
 * (the export is sorted by path already), folders compacted where they have one sub-folder.
 *
 * @example
 * buildFileTree(['a/b/c.txt', 'a/d.txt']).children[0]?.name // 'a'
 */
export function buildFileTree(paths: Iterable<string>): FileTreeNode {
  const root: FileTreeNode = { name: '', path: '', kind: 'dir', children: [] }
  const dirs = new Map<string, FileTreeNode>([['', root]])
  const dirOf = (path: string): FileTreeNode => {
    const hit = dirs.get(path)
    if (hit) return hit
    const slash = path.lastIndexOf('/')
    const parent = dirOf(slash < 0 ? '' : path.slice(0, slash))
    const node: FileTreeNode = { name: path.slice(slash + 1), path, kind: 'dir', children: [] }
    parent.children.push(node)
    dirs.set(path, node)
    return node
  }
  for (const path of paths) {
    const slash = path.lastIndexOf('/')
    dirOf(slash < 0 ? '' : path.slice(0, slash)).children.push({
      name: path.slice(slash + 1),
      path,
      kind: 'file',
      children: [],
    })
  }
  const compact = (node: FileTreeNode): FileTreeNode => {
    let current = node
    while (
      current !== root &&
      current.children.length === 1 &&
      current.children[0]!.kind === 'dir'
    ) {
      const only = current.children[0]!
      current = { ...only, name: `${current.name}/${only.name}` }
    }
    current.children = current.children.map((c) => (c.kind === 'dir' ? compact(c) : c))
    return current
  }
  return compact(root)
}

/**
 * The rows on screen: the root's entries and, below every open folder, its entries.
 * `isOpen(path)` says whether a folder is open.
 */
export function visibleRows(root: FileTreeNode, isOpen: (path: string) => boolean): FileTreeRow[] {
  const rows: FileTreeRow[] = []
  const walk = (node: FileTreeNode, depth: number, prefix: string) => {
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1
      const open = child.kind === 'dir' && isOpen(child.path)
      rows.push({
        path: child.path,
        name: child.kind === 'dir' ? `${child.name}/` : child.name,
        kind: child.kind,
        depth,
        guide: depth === 0 ? '' : `${prefix}${last ? '└── ' : '├── '}`,
        expanded: open,
        size: child.children.length,
      })
      if (open) walk(child, depth + 1, depth === 0 ? '' : `${prefix}${last ? '    ' : '│   '}`)
    })
  }
  walk(root, 0, '')
  return rows
}

/**
 * The folders to show closed at first so that about `budget` rows are visible: levels open top
 * down while they fit; in the first level that does not fit, folders that hold only folders
 * (s6-rc.d/) open while they still fit, and everything else stays closed. A big design thus
 * shows its service folders, closed, and never some services open and others not.
 */
export function initiallyClosed(root: FileTreeNode, budget = 400): Set<string> {
  const closed = new Set<string>()
  let level: FileTreeNode[] = [root]
  let visible = root.children.length
  let depth = 0
  while (level.length > 0) {
    const next = level.flatMap((n) => n.children.filter((c) => c.kind === 'dir'))
    const cost = next.reduce((sum, d) => sum + d.children.length, 0)
    if (depth > 0 && visible + cost > budget) {
      for (const d of next) {
        const ofFolders = d.children.every((c) => c.kind === 'dir')
        if (ofFolders && visible + d.children.length <= budget) {
          visible += d.children.length
          for (const c of d.children) closeAll(c, closed)
        } else closeAll(d, closed)
      }
      break
    }
    visible += cost
    level = next
    depth++
  }
  return closed
}

function closeAll(node: FileTreeNode, closed: Set<string>): void {
  if (node.kind !== 'dir') return
  closed.add(node.path)
  for (const c of node.children) closeAll(c, closed)
}

/** Every folder above `path` (its parents, nearest last), without the root. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = []
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i))
  return out
}

/**
 * The folder of a service in the export (`…/s6-rc.d/<name>`, or the `user` bundle's folder in
 * `user-bundles.d`), found among the file paths; undefined when the export has none.
 */
export function serviceFolder(paths: Iterable<string>, name: string): string | undefined {
  const marks = [`/s6-rc.d/${name}/`, `/user-bundles.d/${name}/`]
  for (const path of paths) {
    for (const mark of marks) {
      const at = path.indexOf(mark)
      if (at >= 0) return path.slice(0, at + mark.length - 1)
    }
  }
  return undefined
}

/**
 * The file that best shows a service: a longrun's `run`, the script a oneshot's `up` calls (else
 * `up`), a bundle's first file; undefined when the export has no folder for it.
 */
export function serviceMainFile(
  paths: readonly string[],
  name: string,
  type: 'longrun' | 'oneshot' | 'bundle',
): string | undefined {
  const folder = serviceFolder(paths, name)
  if (folder === undefined) return undefined
  const has = (p: string) => paths.includes(p)
  if (type === 'longrun' && has(`${folder}/run`)) return `${folder}/run`
  if (type === 'oneshot') {
    const script = paths.find((p) => p.endsWith(`/etc/s6-overlay/scripts/${name}`))
    if (script) return script
    if (has(`${folder}/up`)) return `${folder}/up`
  }
  return paths.find((p) => p.startsWith(`${folder}/`))
}
