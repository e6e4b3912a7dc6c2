/**
 * Finds what to read in an input folder: an s6-rc source by itself, or an image root (a
 * rootfs, an export, a zip of one) holding etc/s6-overlay, possibly under a leading folder
 * such as `rootfs/` or `docker/s6/rootfs/`.
 */
import type { TreeIndex } from './read-tree-context'
import { baseName, joinPath } from './tree-input'

export interface TreeLayout {
  /** Folder holding `etc/` when the input is an image root. */
  rootfs?: string
  /** The s6-rc source folder (`…/etc/s6-overlay/s6-rc.d`, or the input itself). */
  source?: string
  /** `…/etc/s6-overlay/user-bundles.d` (FORMAT §5, s6-overlay 3.2.3.1 and later). */
  userBundles?: string
  /** `…/etc/s6-overlay/scripts`. */
  scripts?: string
  /** Other image roots or sources that were found but not read. */
  others: string[]
}

/** s6-overlay v2 folders (read by s6-overlay v3's legacy services; not converted yet). */
export const LEGACY_DIRS = [
  'etc/cont-init.d',
  'etc/services.d',
  'etc/cont-finish.d',
  'etc/fix-attrs.d',
] as const

const depth = (p: string) => (p === '' ? 0 : p.split('/').length)
const byDepth = (a: string, b: string) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0)

function prefixOf(path: string, suffix: string): string | undefined {
  if (path === suffix) return ''
  return path.endsWith(`/${suffix}`) ? path.slice(0, -suffix.length - 1) : undefined
}

/** Whether some subfolder of `dir` has a `type` file: `dir` looks like an s6-rc source. */
export function looksLikeSource(tree: TreeIndex, dir: string): boolean {
  return tree.list(dir).dirs.some((d) => tree.isFile(joinPath(joinPath(dir, d), 'type')))
}

/** Picks the folders to read. */
export function findLayout(tree: TreeIndex): TreeLayout {
  const dirs = tree.allDirs()
  const roots = new Set<string>()
  for (const d of dirs) {
    const p = prefixOf(d, 'etc/s6-overlay')
    if (p !== undefined) roots.add(p)
  }
  if (roots.size === 0) {
    for (const d of dirs) {
      for (const legacy of LEGACY_DIRS) {
        const p = prefixOf(d, legacy)
        if (p !== undefined) roots.add(p)
      }
    }
  }
  if (roots.size > 0) {
    const [rootfs, ...others] = [...roots].sort(byDepth) as [string, ...string[]]
    const overlay = joinPath(rootfs, 'etc/s6-overlay')
    const at = (name: string) => {
      const p = joinPath(overlay, name)
      return tree.isDir(p) ? p : undefined
    }
    // A bare s6-rc.d outside every image root is another tree too: say it was not read.
    const inRoot = (d: string) =>
      [rootfs, ...others].some((r) => r === '' || d === r || d.startsWith(`${r}/`))
    const bare = dirs
      .filter((d) => baseName(d) === 's6-rc.d' && !inRoot(d) && looksLikeSource(tree, d))
      .sort(byDepth)
    return {
      rootfs,
      source: at('s6-rc.d'),
      userBundles: at('user-bundles.d'),
      scripts: at('scripts'),
      others: [...others, ...bare],
    }
  }
  if (looksLikeSource(tree, '')) return { source: '', others: [] }
  const named = dirs.filter((d) => baseName(d) === 's6-rc.d').sort(byDepth)
  const candidates =
    named.length > 0 ? named : dirs.filter((d) => looksLikeSource(tree, d)).sort(byDepth)
  const [source, ...others] = candidates
  const inside = (o: string) => source !== undefined && o.startsWith(`${source}/`)
  return { source, others: others.filter((o) => !inside(o)) }
}
