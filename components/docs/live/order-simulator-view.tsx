import { useId, useMemo, useState } from 'react'
import { removeDependency, removeServices, serviceNames } from '@/lib/graph/service-graph'
import type { ServiceGraph, ServiceName } from '@/lib/graph/types'
import { startPlan, stopPlan } from '@/lib/plan/plan'
import { useDesignerLink } from './designer-href'
import { ScrollableDiagram } from './graph-diagram'
import { OrderLists } from './order-lists'
import { useLive } from './use-live'

interface Edge {
  key: string
  from: ServiceName
  to: ServiceName
}

/** Every dependency an atomic service of the graph declares, in name order. */
function dependencyEdges(graph: ServiceGraph): Edge[] {
  return serviceNames(graph).flatMap((from) => {
    const s = graph.services[from]
    if (!s || s.type === 'bundle') return []
    return [...s.dependencies].sort().map((to) => ({ key: `${from}->${to}`, from, to }))
  })
}

/** The graph with the switched-off services and dependencies taken out (same lib ops as the designer). */
function modified(
  graph: ServiceGraph,
  offServices: Set<string>,
  offEdges: Set<string>,
): ServiceGraph {
  let g = removeServices(graph, [...offServices]).graph
  for (const e of dependencyEdges(graph)) {
    if (offEdges.has(e.key)) g = removeDependency(g, e.from, e.to)
  }
  return g
}

/** `<OrderSimulator>`: switch services and dependencies off and watch both orders change. */
export function OrderSimulatorView({ graph, example }: { graph: ServiceGraph; example: string }) {
  const id = useId()
  const live = useLive()
  const [offServices, setOffServices] = useState<Set<string>>(() => new Set())
  const [offEdges, setOffEdges] = useState<Set<string>>(() => new Set())
  const atomic = serviceNames(graph).filter((n) => graph.services[n]?.type !== 'bundle')
  const edges = dependencyEdges(graph)
  const current = useMemo(
    () => modified(graph, offServices, offEdges),
    [graph, offServices, offEdges],
  )
  const start = useMemo(() => startPlan(current), [current])
  const stop = useMemo(() => stopPlan(current), [current])
  const before = useMemo(() => startPlan(graph), [graph])
  const toggle = (set: Set<string>, key: string) => {
    const next = new Set(set)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    return next
  }
  const changed = offServices.size + offEdges.size > 0
  // The designer opens what the simulator shows, switched-off parts left out.
  const href = useDesignerLink(example, current)
  return (
    <div className="live-widget order-sim" data-testid="order-simulator" data-example={example}>
      <div className="live-bar">
        <span className="live-title">
          <span className="live-kicker">Try it</span> {graph.project.name}
        </span>
        <button
          type="button"
          className="live-button"
          disabled={!changed}
          onClick={() => {
            setOffServices(new Set())
            setOffEdges(new Set())
          }}
        >
          Reset
        </button>
        <a className="live-action" href={href}>
          Open in designer<span aria-hidden="true"> →</span>
        </a>
      </div>
      <div className="order-sim-body">
        <div className="order-sim-controls">
          <div className="toggle-group" role="group" aria-labelledby={`${id}-services`}>
            <span className="toggle-label" id={`${id}-services`}>
              Services
            </span>
            <div className="toggle-chips">
              {atomic.map((name) => (
                <label key={name} className="toggle">
                  <input
                    type="checkbox"
                    checked={!offServices.has(name)}
                    disabled={!live}
                    onChange={() => setOffServices((s) => toggle(s, name))}
                    data-service-toggle={name}
                  />
                  <span>{name}</span>
                </label>
              ))}
            </div>
          </div>
          <div className="toggle-group" role="group" aria-labelledby={`${id}-deps`}>
            <span className="toggle-label" id={`${id}-deps`}>
              Dependencies
            </span>
            <div className="toggle-chips">
              {edges.map((e) => {
                const gone = offServices.has(e.from) || offServices.has(e.to)
                return (
                  <label key={e.key} className="toggle" data-disabled={gone || undefined}>
                    <input
                      type="checkbox"
                      checked={!gone && !offEdges.has(e.key)}
                      disabled={gone || !live}
                      onChange={() => setOffEdges((s) => toggle(s, e.key))}
                      data-edge-toggle={e.key}
                    />
                    <span>
                      {e.from} <span className="toggle-arrow">needs</span> {e.to}
                    </span>
                  </label>
                )
              })}
            </div>
          </div>
        </div>
        <div className="order-sim-output">
          <ScrollableDiagram plan={start} label="Start waves of the modified graph" />
          <OrderLists start={start} stop={stop} before={before} />
        </div>
      </div>
    </div>
  )
}
