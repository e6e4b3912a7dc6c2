/**
 * Whether an edge dragged on the canvas may be created (React Flow's `isValidConnection`).
 * Called on every pointer move of a drag on graphs of thousands of services, so it
 * precomputes nothing: one depth-first search from the target looking for the source.
 */
import { OVERLAY_SERVICES, RESERVED_PREFIXES } from '../overlay'
import { pipelineMembers } from '../resolve'
import type { ServiceGraph, ServiceName } from '../types'
import { isOverlayName } from './names'

export type ConnectResult =
  { ok: true; kind: 'dependency' | 'membership' } | { ok: false; reason: string }

const own = (graph: ServiceGraph, name: string) =>
  Object.hasOwn(graph.services, name) ? graph.services[name] : undefined

/** Effective pipeline names -> their last consumer (computed only when the search needs it). */
function pipelineOwners(graph: ServiceGraph): Map<ServiceName, ServiceName> {
  const owners = new Map<ServiceName, ServiceName>()
  for (const [name, s] of Object.entries(graph.services)) {
    if (
      s.type === 'longrun' &&
      s.pipelineName &&
      (s.consumerFor ?? []).length > 0 &&
      !s.producerFor
    ) {
      if (!owners.has(s.pipelineName)) owners.set(s.pipelineName, name)
    }
  }
  return owners
}

/** What a name needs: dependencies (+ a producer's consumer) or members, overlay names too. */
function needs(
  graph: ServiceGraph,
  name: ServiceName,
  owners: () => Map<ServiceName, ServiceName>,
): readonly ServiceName[] {
  const s = own(graph, name)
  if (s) {
    if (s.type === 'bundle') return s.contents
    if (s.type === 'longrun' && s.producerFor) return [...s.dependencies, s.producerFor]
    return s.dependencies
  }
  const consumer = owners().get(name)
  if (consumer !== undefined) return pipelineMembers(graph, consumer)
  const overlay = Object.hasOwn(OVERLAY_SERVICES, name) ? OVERLAY_SERVICES[name] : undefined
  if (overlay) return overlay.type === 'bundle' ? overlay.contents : overlay.dependencies
  return []
}

/** A path from `start` to `goal` over "needs" edges, or undefined (iterative DFS). */
function pathTo(
  graph: ServiceGraph,
  start: ServiceName,
  goal: ServiceName,
): ServiceName[] | undefined {
  let cache: Map<ServiceName, ServiceName> | undefined
  const owners = () => (cache ??= pipelineOwners(graph))
  const parent = new Map<ServiceName, ServiceName | null>([[start, null]])
  const stack = [start]
  while (stack.length > 0) {
    const v = stack.pop()!
    for (const w of needs(graph, v, owners)) {
      if (parent.has(w)) continue
      parent.set(w, v)
      if (w === goal) {
        const path = [w]
        for (let p = parent.get(w); p !== null && p !== undefined; p = parent.get(p)) path.push(p)
        return path.reverse()
      }
      stack.push(w)
    }
  }
  return undefined
}

/**
 * Whether dragging from `from` to `to` may create an edge: a dependency (`from` is a oneshot
 * or longrun: "from depends on to") or a membership (`from` is a bundle: "from contains to";
 * bundles have no dependencies). Refuses self-edges, unknown or reserved names, edges that
 * already exist, and anything that would close a dependency or bundle cycle (through bundles
 * and the implicit producer -> consumer edges too).
 */
export function canConnectIn(
  graph: ServiceGraph,
  from: ServiceName,
  to: ServiceName,
): ConnectResult {
  const source = own(graph, from)
  if (!source) return { ok: false, reason: `${from} is not a service of this graph.` }
  const bundle = source.type === 'bundle'
  if (from === to) {
    return {
      ok: false,
      reason: bundle ? `${from} cannot contain itself.` : `${from} cannot depend on itself.`,
    }
  }
  const prefix = RESERVED_PREFIXES.find((p) => to.startsWith(p))
  if (prefix)
    return { ok: false, reason: `${to} starts with "${prefix}", which s6-rc reserves for itself.` }
  const exists = own(graph, to) !== undefined || isOverlayName(to) || pipelineOwners(graph).has(to)
  if (!exists) return { ok: false, reason: `${to} is not defined.` }
  if (bundle ? source.contents.includes(to) : source.dependencies.includes(to)) {
    return {
      ok: false,
      reason: bundle ? `${from} already contains ${to}.` : `${from} already depends on ${to}.`,
    }
  }
  const path = pathTo(graph, to, from)
  if (path) {
    const loop = [from, ...path].join(' -> ')
    const onlyBundles = [from, ...path].every((n) => own(graph, n)?.type === 'bundle')
    return {
      ok: false,
      reason: `That would make a ${onlyBundles ? 'bundle cycle' : 'cycle'}: ${loop}`,
    }
  }
  return { ok: true, kind: bundle ? 'membership' : 'dependency' }
}
