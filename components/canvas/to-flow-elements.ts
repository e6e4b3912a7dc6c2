/**
 * Graph → React Flow nodes and edges. Node and edge objects keep their identity while what they
 * show is unchanged (STYLE 13): React Flow re-measures a new node object that lacks `measured`,
 * so the mapper also remembers measured sizes and copies them onto new objects.
 */
import { type Edge, type Node, type NodeHandle, Position } from '@xyflow/react'
import { USER_BUNDLE, pipelineOwners } from '@/lib/graph/service-graph'
import type { Service, ServiceGraph, ServiceName, ServiceType, XY } from '@/lib/graph/types'
import { NODE_SIZES } from '@/lib/graph/layout'
import { edgeId } from '@/lib/store/edge-ids'
import { type ProblemCounts, problemCountsFor } from '@/lib/store/selectors'
import type { EdgeKind, Selection } from '@/lib/store/types'

export interface ServiceNodeData extends Record<string, unknown> {
  name: ServiceName
  service: Service
  problems: ProblemCounts
  /** Dependencies on names outside the graph (s6-overlay's `base`…), shown as chips. */
  external: ServiceName[]
}

export type ServiceFlowNode = Node<ServiceNodeData, ServiceType>

export type FlowEdgeKind = EdgeKind | 'pipeline'

export interface ServiceEdgeData extends Record<string, unknown> {
  kind: FlowEdgeKind
}

export type ServiceFlowEdge = Edge<ServiceEdgeData>

export interface FlowMapper {
  /** `checked` is the graph whose diagnostics the badges show (it lags `graph` by a few ms). */
  nodes: (graph: ServiceGraph, selection: Selection, checked?: ServiceGraph) => ServiceFlowNode[]
  edges: (graph: ServiceGraph, selection: Selection) => ServiceFlowEdge[]
  /** Records a size React Flow measured, for node objects made later. */
  setMeasured: (id: string, size: { width: number; height: number }) => void
}

/**
 * Left edge of each handle in px from the node's box, as the CSS draws them (the borders differ
 * by type); both are 11 px squares centred vertically.
 */
const HANDLE_X: Record<ServiceType, { target: number; source: number }> = {
  oneshot: { target: -4.5, source: 209.5 },
  longrun: { target: -1.5, source: 209.5 },
  bundle: { target: -3.5, source: 192.5 },
}
const HANDLE_SIZE = 11

/**
 * Where each type's two handles are (a browser test compares them with the page). Given up
 * front, they let React Flow draw edges and leave off-screen nodes out of the first render: a
 * node whose handles it does not know yet is always rendered, to be measured, so a large graph
 * used to render every node once before keeping the visible ones.
 */
export const NODE_HANDLES: Record<ServiceType, NodeHandle[]> = Object.fromEntries(
  (['oneshot', 'longrun', 'bundle'] as const).map((type) => {
    const y = (NODE_SIZES[type].height - HANDLE_SIZE) / 2
    const size = { width: HANDLE_SIZE, height: HANDLE_SIZE }
    return [
      type,
      [
        { type: 'target', position: Position.Left, x: HANDLE_X[type].target, y, ...size },
        { type: 'source', position: Position.Right, x: HANDLE_X[type].source, y, ...size },
      ],
    ]
  }),
) as Record<ServiceType, NodeHandle[]>

const MARKERS: Record<FlowEdgeKind, string> = {
  dependency: 's6d-arrow-dependency',
  membership: 's6d-arrow-membership',
  pipeline: 's6d-arrow-pipeline',
}

function externalDependencies(graph: ServiceGraph, service: Service): ServiceName[] {
  if (service.type === 'bundle') return []
  const missing = service.dependencies.filter((d) => !(d in graph.services))
  return missing.length === 0 ? [] : missing
}

function sameCounts(a: ProblemCounts, b: ProblemCounts): boolean {
  return a.errors === b.errors && a.warnings === b.warnings && a.infos === b.infos
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** A node's problems as its accessible name ends: ", 1 error, 2 warnings" (the badge says it on screen). */
function problemWords(p: ProblemCounts): string {
  const part = (n: number, one: string) => (n === 0 ? '' : `, ${n} ${one}${n === 1 ? '' : 's'}`)
  return part(p.errors, 'error') + part(p.warnings, 'warning')
}

/** A mapper with its own caches; make one per canvas. */
export function createFlowMapper(): FlowMapper {
  let nodeCache = new Map<string, ServiceFlowNode>()
  let edgeCache = new Map<string, ServiceFlowEdge>()
  const measured = new Map<string, { width: number; height: number }>()

  const nodes = (
    graph: ServiceGraph,
    selection: Selection,
    checked: ServiceGraph = graph,
  ): ServiceFlowNode[] => {
    const selected = new Set(selection.services)
    const next = new Map<string, ServiceFlowNode>()
    const out: ServiceFlowNode[] = []
    for (const [name, service] of Object.entries(graph.services)) {
      const position: XY | undefined = graph.layout[name]
      const old = nodeCache.get(name)
      // Same counts keep the same object, so an edit elsewhere does not redraw this node.
      const counts = problemCountsFor(checked, name)
      const problems = old && sameCounts(old.data.problems, counts) ? old.data.problems : counts
      const external = externalDependencies(graph, service)
      const isSelected = selected.has(name)
      let node: ServiceFlowNode
      if (
        old &&
        old.data.service === service &&
        old.data.problems === problems &&
        sameList(old.data.external, external) &&
        old.selected === isSelected &&
        (position === undefined
          ? old.hidden === true
          : old.hidden !== true && old.position.x === position.x && old.position.y === position.y)
      ) {
        node = old
      } else {
        const data: ServiceNodeData =
          old &&
          old.data.service === service &&
          old.data.problems === problems &&
          sameList(old.data.external, external)
            ? old.data
            : { name, service, problems, external }
        const size = measured.get(name)
        node = {
          id: name,
          type: service.type,
          position: position ?? { x: 0, y: 0 },
          data,
          selected: isSelected,
          // Until auto-layout gives it a place, a service is not drawn at the origin.
          hidden: position === undefined,
          ariaLabel: `${service.type} ${name}${name === USER_BUNDLE ? ', boots at start' : ''}${problemWords(problems)}`,
          domAttributes: { 'data-service': name } as ServiceFlowNode['domAttributes'],
          deletable: name !== USER_BUNDLE,
          // The CSS draws nodes at exactly these sizes; the minimap and fit-view use them too.
          initialWidth: NODE_SIZES[service.type].width,
          initialHeight: NODE_SIZES[service.type].height,
          handles: NODE_HANDLES[service.type],
          // Measured already, as far as React Flow is concerned: a large design draws only what
          // is on screen, and React Flow fits the view (fit, find, go to a problem) only once
          // every node has a size; one never drawn would keep the view where it was.
          measured: size ?? NODE_SIZES[service.type],
        }
      }
      next.set(name, node)
      out.push(node)
    }
    nodeCache = next
    return out
  }

  const edges = (graph: ServiceGraph, selection: Selection): ServiceFlowEdge[] => {
    const selected = new Set(selection.edges)
    // The edges of the selected services stand out; with services selected, the others recede.
    const chosen = new Set(selection.services)
    const tone = (source: ServiceName, target: ServiceName) =>
      chosen.size === 0
        ? ''
        : chosen.has(source) || chosen.has(target)
          ? ' is-related'
          : ' is-unrelated'
    const pipelineOwner = pipelineOwners(graph)
    const next = new Map<string, ServiceFlowEdge>()
    const out: ServiceFlowEdge[] = []
    const add = (
      id: string,
      kind: FlowEdgeKind,
      source: ServiceName,
      target: ServiceName,
      label?: string,
    ) => {
      if (next.has(id)) return
      const isSelected = selected.has(id)
      const className = `edge-${kind}${tone(source, target)}`
      const old = edgeCache.get(id)
      const edge: ServiceFlowEdge =
        old &&
        old.selected === isSelected &&
        old.source === source &&
        old.target === target &&
        old.className === className
          ? old
          : {
              id,
              source,
              target,
              type: 'service',
              data: { kind },
              selected: isSelected,
              className,
              // A pipeline edge runs from the logger (it starts first, so it sits to the left)
              // to the service it logs, but its arrow shows where the output goes: to the logger.
              ...(kind === 'pipeline'
                ? { markerStart: MARKERS[kind] }
                : { markerEnd: MARKERS[kind] }),
              deletable: kind !== 'pipeline',
              ariaLabel:
                kind === 'dependency'
                  ? `${source} starts before ${target} (${target} depends on ${source})`
                  : kind === 'membership'
                    ? `${label ?? source} is in bundle ${target}`
                    : `${target} sends its output to ${source}, its logger`,
              ...(label !== undefined ? { label, labelBgPadding: [4, 2] as [number, number] } : {}),
            }
      next.set(id, edge)
      out.push(edge)
    }
    for (const [name, s] of Object.entries(graph.services)) {
      if (s.type === 'bundle') {
        for (const m of s.contents) {
          const source = m in graph.services ? m : pipelineOwner.get(m)
          if (source === undefined) continue
          const label = m in graph.services ? undefined : m
          add(edgeId({ kind: 'membership', from: name, to: m }), 'membership', source, name, label)
        }
        continue
      }
      for (const d of s.dependencies) {
        if (d in graph.services)
          add(edgeId({ kind: 'dependency', from: name, to: d }), 'dependency', d, name)
      }
      if (s.type === 'longrun' && s.producerFor !== undefined && s.producerFor in graph.services) {
        add(`pipe:${name}>${s.producerFor}`, 'pipeline', s.producerFor, name, 'output')
      }
    }
    edgeCache = next
    return out
  }

  return {
    nodes,
    edges,
    setMeasured: (id, size) => {
      measured.set(id, size)
    },
  }
}
