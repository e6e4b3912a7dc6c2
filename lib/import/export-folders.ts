/**
 * The folders of an export that come wholly from the design, and the scripts it calls but does
 * not write: what `export --out` may clean up and what comparing a tree with its graph file
 * (lint, import) looks at. Framework-free.
 */
import { createContext, inRootfs } from '../generate/context'
import type { FileMap } from '../generate/file-map'
import { SCRIPTS_DIR } from '../generate/scripts'
import { SOURCE_DIR, USER_BUNDLES_DIR } from '../generate/service-dir'
import { lexExecline } from '../graph/read-tree-execline'
import { calledScript } from '../graph/script-call'
import type { ServiceGraph } from '../graph/types'

/** The image folders the export writes wholesale (lib/generate/source-tree.ts). */
export const OWNED_IMAGE_DIRS = [SOURCE_DIR, USER_BUNDLES_DIR] as const

/**
 * The image folders `lint` compares with an export's graph file: the owned ones, and the
 * scripts folder, where only the scripts the export writes count (others are the user's).
 */
export const COMPARED_IMAGE_DIRS = [...OWNED_IMAGE_DIRS, SCRIPTS_DIR] as const

/** `dirs` as paths of the export (`docker/s6/rootfs/etc/s6-overlay/s6-rc.d`…). */
export function ownedFolders(
  graph: ServiceGraph,
  dirs: readonly string[] = OWNED_IMAGE_DIRS,
): string[] {
  const ctx = createContext(graph)
  return dirs.map((dir) => inRootfs(ctx, dir))
}

/**
 * Export paths of the scripts the export's `up`/`down` files call under /etc/s6-overlay/scripts
 * but do not write: the image provides them, so they are never stale.
 */
export function providedScripts(graph: ServiceGraph, files: FileMap): string[] {
  const ctx = createContext(graph)
  const source = `${inRootfs(ctx, SOURCE_DIR)}/`
  const out: string[] = []
  for (const [path, file] of files) {
    if (!path.startsWith(source) || !/^[^/]+\/(up|down)$/.test(path.slice(source.length))) continue
    // Read as the importer reads an `up` line: the same lexer and the same notion of a call.
    const lexed = lexExecline(file.contents)
    const call = lexed.ok ? calledScript(lexed.words) : undefined
    if (!call || call.path.split('/').includes('..')) continue
    const target = inRootfs(ctx, call.path)
    if (!files.has(target)) out.push(target)
  }
  return out
}
