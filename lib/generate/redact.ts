/**
 * Secrets are documented, never exported: the graph file in the zip and share links carry the
 * variable without its value. Its own module, so a share link does not load the generators.
 */
import type { ServiceGraph } from '../graph/types'

/** The graph with every secret's value blanked: secrets are documented, never exported. */
export function redactSecrets(graph: ServiceGraph): ServiceGraph {
  const secret = (v: { secret?: boolean }) => v.secret === true
  const any =
    (graph.project.env ?? []).some(secret) ||
    Object.values(graph.services).some((s) => s.type === 'longrun' && (s.env ?? []).some(secret))
  if (!any) return graph
  const blank = <T extends { secret?: boolean; value: string }>(v: T): T =>
    v.secret ? { ...v, value: '' } : v
  const services = Object.fromEntries(
    Object.entries(graph.services).map(([name, s]) => [
      name,
      s.type === 'longrun' ? { ...s, env: (s.env ?? []).map(blank) } : s,
    ]),
  )
  return {
    ...graph,
    project: { ...graph.project, env: (graph.project.env ?? []).map(blank) },
    services,
  }
}

/** How many secret values a graph holds: what `redactSecrets` blanks (empty ones not counted). */
export function secretCount(graph: ServiceGraph): number {
  const count = (env: readonly { secret?: boolean; value: string }[] | undefined) =>
    (env ?? []).filter((v) => v.secret === true && v.value !== '').length
  let n = count(graph.project.env)
  for (const s of Object.values(graph.services)) if (s.type === 'longrun') n += count(s.env)
  return n
}
