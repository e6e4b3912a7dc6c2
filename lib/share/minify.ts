/**
 * Leaves out of a graph what parseGraph() fills back in, so share links stay short
 * (the nginxconfig.io lesson: a link carries only non-defaults).
 */
import { defaultProject } from '../graph/service-graph'
import type { ServiceGraph } from '../graph/types'

function isEmptyArray(v: unknown): boolean {
  return Array.isArray(v) && v.length === 0
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A copy of `graph` without default values; `parseGraph` restores them. */
export function stripDefaults(graph: ServiceGraph): Record<string, unknown> {
  const defaults = defaultProject() as unknown as Record<string, unknown>
  const project: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(graph.project)) {
    if (key !== 'name' && sameValue(value, defaults[key])) continue
    project[key] = value
  }
  const services: Record<string, unknown> = {}
  for (const [name, service] of Object.entries(graph.services)) {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(service)) {
      if (value === undefined || isEmptyArray(value)) continue
      if (key === 'withContenv' && value === true) continue
      out[key] = value
    }
    services[name] = out
  }
  const out: Record<string, unknown> = { version: graph.version, project, services }
  if (Object.keys(graph.layout).length > 0) out.layout = graph.layout
  return out
}
