/**
 * Reads a folder (an s6-rc.d, an image root holding etc/s6-overlay, or an s6 Designer export)
 * into a ServiceGraph, checking every file the way s6-rc-compile 0.5.4.1 would and saying what
 * happened to each path. Positions are left empty: the editor lays the graph out.
 */
import { parseGraph } from './parse'
import { ReadContext, TreeIndex } from './read-tree-context'
import type { ReadReport } from './read-tree-context'
import { convertLegacy } from './read-tree-legacy'
import { findLayout } from './read-tree-root'
import { readService } from './read-tree-service'
import { finishGraph, reportLeftovers } from './read-tree-finish'
import { createGraph } from './service-graph'
import { joinPath } from './tree-input'
import type { TreeInput } from './tree-input'
import type { Diagnostic, Service, ServiceGraph } from './types'

export type { ReadAction, ReadReport, ReadReportEntry } from './read-tree-context'

export interface ReadTreeOptions {
  /** `overlay` (default): the tree is for s6-overlay v3; `plain`: a bare s6-rc source. */
  context?: 'overlay' | 'plain'
  /** Name for the new project (the CLI passes the folder's name). */
  projectName?: string
}

export interface ReadTreeResult {
  graph: ServiceGraph
  report: ReadReport
  /** Problems of the files themselves; run `validate` on the graph for the rest. */
  diagnostics: Diagnostic[]
}

/** Suffix of the graph file an s6 Designer export writes next to the tree. */
export const GRAPH_FILE_SUFFIX = 's6-designer.json'

function readSource(
  ctx: ReadContext,
  source: string,
  services: Map<string, Service>,
  origins: Map<string, string>,
): void {
  const l = ctx.tree.list(source)
  for (const f of l.files)
    ctx.note(
      joinPath(source, f),
      'ignored',
      'a plain file at the top of a source; s6-rc-compile ignores it',
    )
  for (const name of l.links) if (!name.startsWith('.')) ctx.symlink(joinPath(source, name), name)
  for (const name of l.dirs) {
    if (name.startsWith('.')) continue
    const service = readService(ctx, source, name)
    if (!service) continue
    const taken = services.get(name)
    if (taken) {
      ctx.diag({
        code: 'duplicate-name',
        severity: 'error',
        service: name,
        message: `${joinPath(source, name)} defines ${name} a second time; s6-rc-compile stops with "duplicate service definition" (exit 1).`,
        fix: 'Keep one definition: remove or rename the other folder.',
      })
      continue
    }
    services.set(name, service)
    origins.set(name, joinPath(source, name))
  }
}

function graphFromJson(ctx: ReadContext): ServiceGraph | undefined {
  const candidates: string[] = []
  for (const [dir, l] of ctx.tree.folders()) {
    for (const name of l.files)
      if (name.endsWith(GRAPH_FILE_SUFFIX)) candidates.push(joinPath(dir, name))
  }
  candidates.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
  const [file, ...others] = candidates
  if (file === undefined) return undefined
  for (const o of others) ctx.note(o, 'ignored', `another graph file; ${file} was used`)
  // parseGraph reads the text (JSON, a leading byte-order mark aside) and says what is wrong.
  const parsed = parseGraph(ctx.tree.text(file) ?? '')
  if (!parsed.ok) {
    ctx.note(file, 'ignored', parsed.error)
    ctx.diag({
      code: 'graph-file-invalid',
      severity: 'warning',
      file,
      message: `${file} could not be used: ${parsed.error}. The graph was read from the tree instead.`,
      fix: 'Fix or delete the file; s6 Designer writes it again on the next export.',
    })
    return undefined
  }
  ctx.report.graphFile = file
  ctx.note(file, 'read', ['the design itself', ...parsed.notes].join('; '))
  return parsed.graph
}

function readTreeUnsafe(input: TreeInput, options: ReadTreeOptions): ReadTreeResult {
  const context = options.context ?? 'overlay'
  const tree = new TreeIndex(input)
  const ctx = new ReadContext(tree, context)
  for (const d of tree.dropped) ctx.note(d, 'ignored', 'path leads outside the folder')
  const layout = findLayout(tree)
  Object.assign(ctx.report, {
    ...(layout.source !== undefined ? { sourceDir: layout.source } : {}),
    ...(layout.rootfs !== undefined ? { rootfsDir: layout.rootfs } : {}),
    ...(layout.scripts !== undefined ? { scriptsDir: layout.scripts } : {}),
  })
  for (const other of layout.others) {
    ctx.note(other, 'ignored', 'another s6 tree; only the first one found was read')
    ctx.diag({
      code: 'multiple-sources',
      severity: 'warning',
      file: other,
      message: `${other} also looks like an s6 tree; only ${layout.rootfs ?? layout.source ?? ''} was read.`,
      fix: 'Point s6 Designer at the folder of the one image you want to read.',
    })
  }
  const services = new Map<string, Service>()
  const origins = new Map<string, string>()
  if (layout.source !== undefined) readSource(ctx, layout.source, services, origins)
  const oldUser = layout.source !== undefined && tree.isDir(joinPath(layout.source, 'user'))
  if (layout.userBundles !== undefined) {
    if (oldUser) {
      ctx.noteAll(
        layout.userBundles,
        'ignored',
        's6-rc.d/user exists, so s6-overlay 3.2.3.x skips user-bundles.d',
      )
      ctx.diag({
        code: 'bundle-layout-both',
        severity: 'warning',
        service: 'user',
        file: layout.userBundles,
        message: `Both ${joinPath(layout.source ?? '', 'user')} and ${layout.userBundles} exist: s6-overlay 3.2.3.x then warns and leaves user-bundles.d out of the compile, so its bundles do nothing.`,
        fix: 'Keep one layout: user-bundles.d for s6-overlay 3.2.3.1 and later, s6-rc.d/user before.',
      })
    } else {
      ctx.report.userBundlesDir = layout.userBundles
      readSource(ctx, layout.userBundles, services, origins)
    }
  }
  let graph = finishGraph(ctx, services, origins, {
    projectName: options.projectName,
    overlayVersion:
      layout.userBundles !== undefined && !oldUser ? '3.2.3.2' : oldUser ? '3.2.2.0' : undefined,
  })
  if (layout.rootfs !== undefined) graph = convertLegacy(ctx, layout.rootfs, graph)
  const fromJson = graphFromJson(ctx)
  reportLeftovers(ctx, layout, graph)
  if (fromJson) {
    const file = ctx.report.graphFile
    const described = [layout.source, layout.userBundles, layout.scripts].filter(
      (d) => d !== undefined,
    )
    for (const e of ctx.report.entries) {
      if (described.some((d) => d === '' || e.path === d || e.path.startsWith(`${d}/`))) {
        Object.assign(e, { action: 'read', note: `described by ${file}` })
      }
    }
    graph = fromJson
  } else if (services.size > 0) {
    // An s6-rc tree holds services only: the project settings are the defaults (the report says so).
    ctx.report.projectDefaults = true
  } else if (layout.source === undefined && layout.rootfs === undefined) {
    ctx.diag({
      code: 'source-not-found',
      severity: 'error',
      message:
        'No s6-rc source found: expected an s6-rc.d folder (one folder with a type file per service), or an image root holding etc/s6-overlay/s6-rc.d.',
      fix: 'Point s6 Designer at /etc/s6-overlay/s6-rc.d, at the image root that holds it, or at an s6 Designer export.',
    })
  }
  if (origins.size > 0) ctx.report.serviceDirs = Object.fromEntries(origins)
  for (const d of ctx.diagnostics) {
    const path = pathInInput(d, tree, origins)
    if (path !== undefined) d.path = path
  }
  return { graph, report: ctx.report, diagnostics: ctx.diagnostics }
}

/**
 * Where a diagnostic's file is in the input: in its service's folder, unless the file is
 * named from the top of the input already (a link, a v2 script, a second tree) and is not
 * in that folder.
 */
function pathInInput(
  d: Diagnostic,
  tree: TreeIndex,
  origins: ReadonlyMap<string, string>,
): string | undefined {
  if (d.file === undefined) return undefined
  const dir = d.service === undefined ? undefined : origins.get(d.service)
  if (dir === undefined) return d.file
  const inDir = joinPath(dir, d.file)
  const there = (path: string) => tree.isFile(path) || tree.isDir(path) || tree.links.has(path)
  return there(d.file) && !there(inDir) ? d.file : inDir
}

/**
 * Reads a folder into a graph. Never throws: whatever the input, it returns a graph (at least
 * the `user` bundle), a report of what happened to each path, and the file-level diagnostics.
 *
 * @example
 * const { graph, diagnostics } = readTree(textTree({ 'web/type': 'longrun\n', 'web/run': '#!/bin/sh\nexec web\n' }))
 */
export function readTree(input: TreeInput, options: ReadTreeOptions = {}): ReadTreeResult {
  try {
    return readTreeUnsafe(input, options)
  } catch (error) {
    return {
      graph: createGraph(options.projectName ? { name: options.projectName } : {}),
      report: { entries: [] },
      diagnostics: [
        {
          code: 'read-failed',
          severity: 'error',
          message: `The folder could not be read: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Check that the input is a folder of files; report the problem if it persists.',
        },
      ],
    }
  }
}
