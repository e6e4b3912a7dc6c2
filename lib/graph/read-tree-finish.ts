/**
 * Assembles the graph from the services read, applying s6-overlay's conventions: the overlay's
 * `user`/`user2` bundles, the dependency on `base` (FORMAT §5), the target release chosen by the
 * bundle layout. Also reports the paths nobody read.
 */
import type { ReadContext } from './read-tree-context'
import type { TreeLayout } from './read-tree-root'
import { bundle, compareNames, createGraph, USER_BUNDLE } from './service-graph'
import { OVERLAY_SCRIPTS, scriptPathsIn } from './script-call'
import { joinPath } from './tree-input'
import type { Service, ServiceGraph } from './types'

const BASE = 'base'

function dropBase(service: Service): Service {
  if (service.type === 'bundle') return service
  return { ...service, dependencies: service.dependencies.filter((d) => d !== BASE) }
}

/** Builds the graph: sorted services, `user` guaranteed, `base` folded into dependOnBase. */
export function finishGraph(
  ctx: ReadContext,
  read: ReadonlyMap<string, Service>,
  origins: ReadonlyMap<string, string>,
  options: { projectName?: string; overlayVersion?: string },
): ServiceGraph {
  const overlay = ctx.context === 'overlay'
  const services = new Map(read)
  const user = services.get(USER_BUNDLE)
  if (user && user.type !== 'bundle') {
    ctx.diag({
      code: 'overlay-bundle-type',
      severity: 'error',
      service: USER_BUNDLE,
      file: 'type',
      message: `user is a ${user.type} here, but s6-overlay defines user as the bundle it starts at boot; the overlay's own definition collides with it (exit 1 "duplicate service definition").`,
      fix: 'Rename this service, and list it in the user bundle instead.',
    })
    services.delete(USER_BUNDLE)
  }
  if (!services.has(USER_BUNDLE)) {
    services.set(USER_BUNDLE, bundle())
    ctx.note(
      ctx.report.sourceDir || '.',
      'read',
      'no user bundle: an empty one was added (s6-overlay ships it)',
    )
  }
  const user2 = services.get('user2')
  if (overlay && user2?.type === 'bundle' && user2.contents.length === 0 && !user2.essential) {
    services.delete('user2')
    ctx.note(
      origins.get('user2') ?? 'user2',
      'read',
      'empty user2 bundle: s6-overlay ships it, so the design leaves it out',
    )
  }
  const atomic = [...services.values()].filter((s) => s.type !== 'bundle')
  const allOnBase = atomic.length > 0 && atomic.every((s) => s.dependencies.includes(BASE))
  const dependOnBase = overlay && (atomic.length === 0 || allOnBase)
  const graph = createGraph({
    ...(options.projectName ? { name: options.projectName } : {}),
    ...(options.overlayVersion ? { overlayVersion: options.overlayVersion } : {}),
    dependOnBase,
  })
  for (const name of [...services.keys()].sort(compareNames)) {
    const s = services.get(name) as Service
    graph.services[name] = overlay && allOnBase ? dropBase(s) : s
  }
  return graph
}

/** A path with a segment that starts with a dot (.git/…, a/.cache/…): hidden, not counted. */
const HIDDEN_SEGMENT = /(^|\/)\./

/** Who names `path` (a script in the image) in one of their scripts, as "web's run". */
function callersOf(graph: ServiceGraph, path: string): string[] {
  const callers: string[] = []
  for (const [name, s] of Object.entries(graph.services)) {
    const scripts =
      s.type === 'oneshot'
        ? { up: s.up, down: s.down }
        : s.type === 'longrun'
          ? { run: s.run, finish: s.finish }
          : {}
    for (const [key, script] of Object.entries(scripts))
      if (script && scriptPathsIn(script.body).includes(path)) callers.push(`${name}'s ${key}`)
  }
  return callers
}

/** Reports what was not read: unused scripts, other overlay files, and everything else (counted). */
export function reportLeftovers(ctx: ReadContext, layout: TreeLayout, graph: ServiceGraph): void {
  const tree = ctx.tree
  if (layout.scripts !== undefined) {
    for (const p of tree.walk(layout.scripts)) {
      if (!tree.isFile(p) || ctx.usedScripts.has(p)) continue
      const callers = callersOf(graph, `${OVERLAY_SCRIPTS}${p.slice(layout.scripts.length + 1)}`)
      ctx.note(
        p,
        'ignored',
        callers.length > 0
          ? `called by ${callers.join(', ')} as a helper, not as a whole up or down step, so not part of the design: keep it in your image (the export does not write it)`
          : 'not called by any script of the design; keep it in your image if something else uses it',
      )
    }
  }
  if (layout.rootfs !== undefined) {
    const overlayDir = joinPath(layout.rootfs, 'etc/s6-overlay')
    const known = new Set(
      [layout.source, layout.scripts, layout.userBundles].filter((p) => p !== undefined),
    )
    const l = tree.list(overlayDir)
    for (const name of [...l.files, ...l.dirs, ...l.links]) {
      const p = joinPath(overlayDir, name)
      if (!known.has(p)) ctx.note(p, 'ignored', 'not part of an s6-rc source')
    }
  }
  // Files in the folders read are accounted for; of the rest, count those no entry names.
  const read = [layout.source, layout.userBundles].filter((d) => d !== undefined)
  const prefixes = read.map((d) => `${d}/`)
  const outside = (p: string) => {
    for (let i = 0; i < read.length; i++) {
      if (read[i] === '' || p === read[i] || p.startsWith(prefixes[i]!)) return false
    }
    return true
  }
  const noted = new Set<string>()
  for (const e of ctx.report.entries) if (outside(e.path)) noted.add(e.path)
  let others = 0
  for (const [dir, l] of tree.folders()) {
    // A folder read (or one inside it) is skipped whole.
    if (l.files.length === 0 || (dir !== '' && !outside(dir))) continue
    for (const name of l.files) {
      const f = joinPath(dir, name)
      if (outside(f) && !noted.has(f) && !HIDDEN_SEGMENT.test(f)) others++
    }
  }
  if (others > 0)
    ctx.note(
      '.',
      'ignored',
      `${others} other file${others === 1 ? '' : 's'} outside the s6 folders, not read`,
    )
}
