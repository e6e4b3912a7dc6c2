/**
 * Validation: every diagnostic for a graph, as strict as s6-rc-compile 0.5.4.1 (errors for all
 * it refuses, FORMAT §1-3) plus the s6-overlay pitfalls of FORMAT §6 (warnings and notes).
 * Also the two questions the editor asks while the user works: may this edge be drawn
 * (`canConnect`), may this name be used (`nameProblem`).
 */
import { sortDiagnostics, Findings } from './rules/report'
import { checkShape } from './rules/shape'
import { checkNames, nameProblemFor } from './rules/names'
import { checkCycles, checkReferences, makeContext, resolveContext } from './rules/structure'
import { checkFields } from './rules/fields'
import { checkPipelines } from './rules/pipelines'
import { checkScripts } from './rules/scripts'
import { checkPitfalls } from './rules/pitfalls'
import { canConnectIn } from './rules/connect'
import type { ConnectResult } from './rules/connect'
import type { Diagnostic, ServiceGraph, ServiceName } from './types'
import { shareResolution } from './resolve'
import { isRecord } from './rules/guards'

export type { ConnectResult }

export interface ValidateOptions {
  /** `overlay` (default): names like base, user, top are s6-overlay's; `plain`: bare s6-rc. */
  context?: 'overlay' | 'plain'
}

/**
 * Every diagnostic for a graph, sorted by severity, service, code and field. Never throws,
 * whatever `graph` is: wrong shapes are reported as `graph-shape` / `service-shape`.
 *
 * @example
 * validate(graph) // [{ code: 'dependency-cycle', severity: 'error', service: 'a', message: 'Dependency cycle: a -> b -> a…' }]
 */
export function validate(graph: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const out = new Findings()
  try {
    const overlay = (options.context ?? 'overlay') === 'overlay'
    const shaped = checkShape(graph, out)
    if (shaped) {
      checkNames(shaped, overlay, out)
      const ctx = makeContext(shaped, overlay)
      checkReferences(ctx, out)
      const producersOnCycles = checkPipelines(ctx, out)
      resolveContext(ctx, producersOnCycles)
      // The plans of the input resolve exactly what was resolved here: let them reuse it.
      const input = graph as ServiceGraph
      if (
        overlay &&
        shaped.faithful &&
        producersOnCycles.size === 0 &&
        isRecord(input.project) &&
        Boolean(input.project.dependOnBase) === shaped.graph.project.dependOnBase
      )
        shareResolution(shaped.graph, input)
      checkCycles(ctx, out)
      checkFields(shaped, out)
      checkScripts(shaped, out)
      if (overlay) checkPitfalls(ctx, out)
    }
  } catch (error) {
    out.add({
      code: 'graph-shape',
      message: `The graph could not be checked completely (${error instanceof Error ? error.message : String(error)}).`,
    })
  }
  return sortDiagnostics(out.list)
}

/**
 * Whether dragging an edge from `from` to `to` may create it, and which kind it would be:
 * `dependency` when `from` is a oneshot or longrun, `membership` when it is a bundle.
 *
 * @example
 * canConnect(graph, 'redis-ready', 'web') // { ok: false, reason: 'That would make a cycle: redis-ready -> web -> redis-ready' }
 */
export function canConnect(graph: ServiceGraph, from: ServiceName, to: ServiceName): ConnectResult {
  try {
    return canConnectIn(graph, from, to)
  } catch {
    return { ok: false, reason: 'This graph cannot be checked right now.' }
  }
}

/** Why `name` cannot be used for a (new or renamed) service, or undefined when it can. */
export function nameProblem(
  graph: ServiceGraph,
  name: string,
  current?: ServiceName,
): string | undefined {
  return nameProblemFor(graph, name, current)
}
