/**
 * Structural rules (FORMAT §1, §3): references that must resolve, and dependency and bundle
 * cycles. The context they share is built here too.
 */
import { RESERVED_PREFIXES } from '../overlay'
import { resolveGraph } from '../resolve'
import type { ResolvedGraph } from '../resolve'
import { findCycles } from '../resolve-order'
import type { CyclePath } from '../resolve-order'
import type { ServiceName } from '../types'
import { isOverlayName } from './names'
import type { Findings } from './report'
import { show } from './report'
import type { Shaped } from './shape'

export interface Context {
  shaped: Shaped
  overlay: boolean
  /** The graph's well-formed services, sorted by name. */
  names: ServiceName[]
  /** Effective pipeline names (on a last consumer) -> that consumer. */
  pipelineOwner: Map<ServiceName, ServiceName>
  /**
   * The graph resolved once for the graph-wide rules (set by `resolveContext`): this context,
   * `base` per the project, pipeline-cycle producers without their implicit edge.
   */
  resolved?: ResolvedGraph
}

/** Builds the shared context of the structural and pitfall rules. */
export function makeContext(shaped: Shaped, overlay: boolean): Context {
  const names = shaped.names
  const pipelineOwner = new Map<ServiceName, ServiceName>()
  for (const name of names) {
    const s = shaped.graph.services[name]!
    if (
      s.type === 'longrun' &&
      s.pipelineName &&
      (s.consumerFor ?? []).length > 0 &&
      !s.producerFor
    ) {
      if (!pipelineOwner.has(s.pipelineName)) pipelineOwner.set(s.pipelineName, name)
    }
  }
  return { shaped, overlay, names, pipelineOwner }
}

/** Resolves the graph once for the cycle and pitfall rules (and the plans they run). */
export function resolveContext(
  ctx: Context,
  skipProducers: ReadonlySet<ServiceName>,
): ResolvedGraph {
  ctx.resolved = resolveGraph(ctx.shaped.graph, {
    context: ctx.overlay ? 'overlay' : 'plain',
    implicitBase: ctx.overlay && ctx.shaped.graph.project.dependOnBase,
    skipProducerEdges: skipProducers,
  })
  return ctx.resolved
}

/** Whether a reference to `name` resolves (a service, a pipeline name or an overlay name). */
export function isDefined(ctx: Context, name: string): boolean {
  const { graph, malformed } = ctx.shaped
  return (
    Object.hasOwn(graph.services, name) ||
    malformed.has(name) ||
    ctx.pipelineOwner.has(name) ||
    (ctx.overlay && isOverlayName(name))
  )
}

/** " (the name ends with a carriage return)" when it does, for undefined-name messages. */
export const crNote = (name: string) =>
  name.includes('\r') ? ' (the name ends with a carriage return)' : ''

/** Dependencies and bundle members that do not resolve, are reserved, or are listed twice. */
export function checkReferences(ctx: Context, out: Findings): void {
  for (const name of ctx.names) {
    const s = ctx.shaped.graph.services[name]!
    const bundle = s.type === 'bundle'
    const list = bundle ? s.contents : s.dependencies
    for (let i = 0; i < list.length; i++) {
      const ref = list[i]!
      const repeated = list.indexOf(ref) < i
      const prefix = reservedPrefix(ref)
      if (!repeated && !prefix && isDefined(ctx, ref)) continue
      checkReference(ctx, name, bundle, ref, i, repeated, prefix, out)
    }
  }
}

/** The reserved prefix a name starts with, if any. */
export function reservedPrefix(name: string): string | undefined {
  for (const p of RESERVED_PREFIXES) if (name.startsWith(p)) return p
  return undefined
}

function checkReference(
  ctx: Context,
  name: string,
  bundle: boolean,
  ref: string,
  i: number,
  repeated: boolean,
  prefix: string | undefined,
  out: Findings,
): void {
  const field = bundle ? 'contents' : 'dependencies'
  const at = {
    service: name,
    field: `${field}.${i}`,
    file: `${bundle ? 'contents.d' : 'dependencies.d'}/${ref}`,
  }
  if (repeated) {
    out.add({
      code: 'duplicate-reference',
      ...at,
      message: `${show(name)} lists ${show(ref)} twice in its ${field}.`,
    })
  } else if (prefix) {
    out.add({
      code: 'reserved-name',
      ...at,
      message: `${show(name)} lists ${show(ref)}, a name s6-rc reserves ("${prefix}…"); s6-rc-compile refuses it.`,
      fix: `Remove ${show(ref)} from ${show(name)}'s ${field}.`,
    })
  } else if (bundle) {
    out.add({
      code: 'missing-member',
      ...at,
      message: `The bundle ${show(name)} contains ${show(ref)}, which is not defined${crNote(ref)}.`,
      fix: `Create ${show(ref)}, fix the spelling, or remove it from ${show(name)}.`,
    })
  } else {
    out.add({
      code: 'missing-dependency',
      ...at,
      message: `${show(name)} depends on ${show(ref)}, which is not defined${crNote(ref)}.`,
      fix: `Create ${show(ref)}, fix the spelling, or remove the dependency.`,
    })
  }
}

function describeCycle(r: ResolvedGraph, cycle: CyclePath): string {
  const notes: string[] = []
  const hops = cycle.names.slice(0, -1)
  hops.forEach((n, i) => {
    const id = r.ids.get(n)!
    if (r.kinds[id] === 'bundle' && i > 0)
      notes.push(`${show(n)} is a bundle, so depending on it means depending on its members`)
    if (r.kinds[id] === 'pipeline') notes.push(`${show(n)} is a pipeline name`)
    if (cycle.kinds[i] === 'producer')
      notes.push(
        `${show(n)} depends on ${show(cycle.names[i + 1]!)} because it sends its output there`,
      )
  })
  return notes.length > 0 ? ` (${notes.join('; ')})` : ''
}

/** The services of a cycle path (`a -> b -> a`) but its first. */
const others = (names: readonly ServiceName[]) =>
  [...new Set(names.slice(1))].filter((n) => n !== names[0])

/** Every dependency cycle and bundle cycle, one diagnostic per knot, with its path. */
export function checkCycles(ctx: Context, out: Findings): void {
  const r = ctx.resolved ?? resolveContext(ctx, new Set())
  for (const cycle of findCycles(r, 'dependency')) {
    const [first, second] = cycle.names as [string, string]
    const path = cycle.names.map(show).join(' -> ')
    const self = cycle.names.length === 2
    const producer = cycle.kinds[0] === 'producer'
    out.add({
      code: 'dependency-cycle',
      service: first,
      also: others(cycle.names),
      field: producer ? 'producerFor' : 'dependencies',
      file: producer ? 'producer-for' : `dependencies.d/${second}`,
      message: self
        ? `${show(first)} depends on itself (${path}), so it can never start.`
        : `Dependency cycle: ${path}${describeCycle(r, cycle)}. None of these can start, because each waits for the next.`,
      fix: self
        ? `Remove ${show(first)} from its own dependencies.`
        : `Remove one dependency on the cycle, for example ${show(first)} -> ${show(second)}.`,
    })
  }
  for (const cycle of findCycles(r, 'bundle')) {
    const [first, second] = cycle.names as [string, string]
    out.add({
      code: 'bundle-cycle',
      service: first,
      also: others(cycle.names),
      field: 'contents',
      file: `contents.d/${second}`,
      message: `Bundle cycle: ${cycle.names.map(show).join(' -> ')}. A bundle cannot contain itself, directly or through other bundles.`,
      fix: `Remove ${show(second)} from ${show(first)}, or another membership on the cycle.`,
    })
  }
}
