/**
 * s6-overlay v2 folders under an image root, turned into s6-rc services the way s6-overlay v3
 * runs them (FORMAT §5; s6-overlay MOVING-TO-V3.md and `ovl/etc/s6-rc/scripts/cont-init`,
 * `services-up`, `cont-finish`):
 * - `cont-init.d/*` ran in name order at boot, before the services: one oneshot each, each
 *   depending on the one before;
 * - `services.d/<name>/` were supervised after that: one longrun each (its `log/` a logger
 *   pipeline), depending on the last cont-init oneshot;
 * - `cont-finish.d/*` ran in name order at stop, while those services were still up: oneshots
 *   whose `down` runs the script, chained so that s6-rc's reverse-order stop keeps that order;
 * - `fix-attrs.d` is reported, not converted.
 * Every converted service joins `user`.
 */
import type { ReadContext } from './read-tree-context'
import { LEGACY_DIRS } from './read-tree-root'
import { NameAllocator } from './read-tree-v2-names'
import { readV2Script } from './read-tree-v2-script'
import { convertServiceFolder } from './read-tree-v2-services'
import { compareNames, USER_BUNDLE } from './service-graph'
import { joinPath } from './tree-input'
import type { Oneshot, Service, ServiceGraph } from './types'

export type LegacyDir = (typeof LEGACY_DIRS)[number]

/** The files s6-overlay runs from a script folder, in its order; the rest is reported. */
function scriptFiles(ctx: ReadContext, dir: string): string[] {
  const l = ctx.tree.list(dir)
  for (const link of l.links) if (!link.startsWith('.')) ctx.symlink(joinPath(dir, link))
  for (const sub of l.dirs) {
    if (!sub.startsWith('.'))
      ctx.noteAll(joinPath(dir, sub), 'ignored', 'a folder: s6-overlay runs only the files here')
  }
  // s6-overlay lists the folder with s6-ls (no dot-names) and sorts with s6-sort (byte order).
  return l.files.filter((f) => !f.startsWith('.')).sort(compareNames)
}

function convertContInit(
  ctx: ReadContext,
  dir: string,
  names: NameAllocator,
  base: readonly string[],
  out: Map<string, Service>,
): string[] {
  const created: string[] = []
  for (const file of scriptFiles(ctx, dir)) {
    const path = joinPath(dir, file)
    const name = names.allocate(file, 'cont-init')
    const previous = created.at(-1)
    const read = readV2Script(ctx, path, name)
    const oneshot: Oneshot = {
      type: 'oneshot',
      description: `Converted from /etc/cont-init.d/${file} (s6-overlay v2), run at boot before the services.`,
      up: read.script,
      dependencies: previous !== undefined ? [previous] : [...base],
      withContenv: read.withContenv,
    }
    out.set(name, oneshot)
    created.push(name)
    const order = previous !== undefined ? `, after ${previous}` : ''
    ctx.note(path, 'converted', [`up of oneshot ${name}${order}`, ...read.notes].join('; '))
  }
  if (created.length > 0)
    ctx.note(
      dir,
      'converted',
      `${created.length} script${created.length === 1 ? '' : 's'} became oneshots, each depending on the one before so they still run in name order (${created.join(', then ')}); the converted services depend on ${created.at(-1)}. If one fails, the ones after it and those services do not start, where s6-overlay ran them all and went on`,
    )
  return created
}

function convertContFinish(
  ctx: ReadContext,
  dir: string,
  names: NameAllocator,
  last: readonly string[],
  out: Map<string, Service>,
): string[] {
  const files = scriptFiles(ctx, dir)
  const created = files.map((f) => names.allocate(f, 'cont-finish'))
  files.forEach((file, i) => {
    const path = joinPath(dir, file)
    const name = created[i] as string
    const next = created[i + 1]
    const read = readV2Script(ctx, path, name)
    const oneshot: Oneshot = {
      type: 'oneshot',
      description: `Converted from /etc/cont-finish.d/${file} (s6-overlay v2): its down runs the script at stop.`,
      // A comment only: the up does nothing; the oneshot exists for its down.
      up: {
        language: 'sh',
        body: `# Nothing to start: ${name} runs /etc/cont-finish.d/${file} at stop.`,
      },
      down: read.script,
      dependencies: next !== undefined ? [next] : [...last],
      withContenv: read.withContenv,
    }
    out.set(name, oneshot)
    const order = next !== undefined ? `; runs before ${next}` : ''
    ctx.note(path, 'converted', [`down of oneshot ${name}${order}`, ...read.notes].join('; '))
  })
  if (created.length > 0)
    ctx.note(
      dir,
      'converted',
      `${created.length} script${created.length === 1 ? '' : 's'} became oneshots whose down runs the script (their up does nothing, only a comment). At stop, s6-rc runs down scripts in reverse dependency order, a service only after everything that depends on it: each depends on the one after it, so they run in name order (${created.join(', then ')}), and the last depends on the converted services, so they run while those are still up, as in s6-overlay`,
    )
  return created
}

function reportFixAttrs(ctx: ReadContext, dir: string): void {
  ctx.noteAll(dir, 'ignored', 'fix-attrs.d is not converted')
  ctx.diag({
    code: 'legacy-v2-folder',
    severity: 'warning',
    file: dir,
    message: `${dir} lists ownership and mode fixes. s6-overlay v3 still applies them at boot but calls fix-attrs deprecated, and the design has no place for them, so they are not part of the import.`,
    fix: 'Set owners and modes in the Dockerfile instead (COPY --chown/--chmod, or RUN chown/chmod); for volumes mounted at run time, use a oneshot.',
  })
}

/** Every s6-rc.d service that waited for base, which meant after cont-init.d, waits for `last`. */
function afterContInit(ctx: ReadContext, graph: ServiceGraph, dir: string, last: string): void {
  const waited: string[] = []
  for (const [name, s] of Object.entries(graph.services)) {
    if (s.type === 'bundle') continue
    if (!graph.project.dependOnBase && !s.dependencies.includes('base')) continue
    graph.services[name] = { ...s, dependencies: [...s.dependencies, last] }
    waited.push(name)
  }
  if (waited.length > 0)
    ctx.note(
      dir,
      'converted',
      `the s6-rc services that depend on base (${waited.join(', ')}) now also depend on ${last}: base included cont-init.d`,
    )
}

/** Converts the v2 folders present under `rootfs` and returns the new graph. */
export function convertLegacy(ctx: ReadContext, rootfs: string, graph: ServiceGraph): ServiceGraph {
  const at = (d: LegacyDir) => {
    const p = joinPath(rootfs, d)
    return ctx.tree.isDir(p) ? p : undefined
  }
  const [initDir, servicesDir, finishDir, attrsDir] = LEGACY_DIRS.map(at)
  if ([initDir, servicesDir, finishDir, attrsDir].every((d) => d === undefined)) return graph
  const g: ServiceGraph = { ...graph, services: { ...graph.services } }
  const names = new NameAllocator(g)
  const base = ctx.context === 'overlay' && !g.project.dependOnBase ? ['base'] : []
  const added = new Map<string, Service>()
  const members: string[] = []

  const inits = initDir !== undefined ? convertContInit(ctx, initDir, names, base, added) : []
  const lastInit = inits.at(-1)
  if (initDir !== undefined && lastInit !== undefined) afterContInit(ctx, g, initDir, lastInit)
  members.push(...inits)
  const afterInit = lastInit !== undefined ? [lastInit] : base

  const longruns: string[] = []
  if (servicesDir !== undefined) {
    const l = ctx.tree.list(servicesDir)
    for (const f of l.files)
      ctx.note(joinPath(servicesDir, f), 'ignored', 'a plain file: services.d holds folders')
    for (const link of l.links) if (!link.startsWith('.')) ctx.symlink(joinPath(servicesDir, link))
    for (const folder of l.dirs.filter((d) => !d.startsWith('.')).sort(compareNames)) {
      const c = convertServiceFolder(ctx, servicesDir, folder, names, afterInit)
      if (!c) continue
      added.set(c.name, c.service)
      longruns.push(c.name)
      if (c.logger) {
        added.set(c.logger.name, c.logger.service)
        longruns.push(c.logger.name)
        members.push(c.logger.pipeline)
      } else members.push(c.name)
    }
    if (longruns.length > 0)
      ctx.note(
        servicesDir,
        'converted',
        `longruns ${longruns.join(', ')}, started after ${lastInit ?? 'base'} as s6-overlay started services.d after cont-init.d`,
      )
  }

  if (finishDir !== undefined) {
    const last = longruns.length > 0 ? longruns : afterInit
    members.push(...convertContFinish(ctx, finishDir, names, last, added))
  }
  if (attrsDir !== undefined) reportFixAttrs(ctx, attrsDir)

  for (const [name, s] of added) g.services[name] = s
  const user = g.services[USER_BUNDLE]
  if (user?.type === 'bundle' && members.length > 0)
    g.services[USER_BUNDLE] = {
      ...user,
      contents: [...user.contents, ...members.filter((m) => !user.contents.includes(m))],
    }
  const sorted: Record<string, Service> = {}
  for (const name of Object.keys(g.services).sort(compareNames))
    sorted[name] = g.services[name] as Service
  return { ...g, services: sorted }
}
