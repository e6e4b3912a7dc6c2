'use client'

import { useEffect, useState } from 'react'
import type { ServiceGraph } from '@/lib/graph/types'
import { startPlan } from '@/lib/plan/plan'
import { GraphDiagram } from './graph-diagram'
import { designerHref } from './designer-href'
import { useExampleGraph } from './use-example-graph'
import { WidgetMessage } from './widget-frame'

/**
 * The designer link for the graph shown: `?example=<id>` at first (and without JavaScript),
 * then the same URL with the graph itself in a share-link fragment, so the designer opens
 * exactly what the page shows.
 */
function useDesignerLink(example: string, graph: ServiceGraph | undefined): string {
  const [href, setHref] = useState(() => designerHref(example))
  useEffect(() => {
    if (!graph) return
    let live = true
    import('@/lib/share/codec')
      .then(({ shareUrl }) => shareUrl(designerHref(example), graph))
      .then((url) => {
        if (live) setHref(url)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [example, graph])
  return href
}

/** The body of `<GraphPreview>`, loaded only on pages that use it. */
export function GraphPreviewView({ example, caption }: { example: string; caption?: string }) {
  const state = useExampleGraph(example)
  const href = useDesignerLink(example, state.status === 'ready' ? state.graph : undefined)
  if (state.status !== 'ready') return <WidgetMessage state={state} />
  const { graph } = state
  const plan = startPlan(graph)
  const own = plan.timeline.filter((e) => !e.overlay).length
  return (
    <figure className="live-widget graph-preview" data-example={example}>
      <figcaption className="live-bar">
        <span className="live-title">
          <span className="live-kicker">Example</span> {graph.project.name}
        </span>
        <span className="live-meta">
          {own} services · {plan.waves.length} waves
        </span>
        <a className="live-action" href={href}>
          Open in designer
          <span aria-hidden="true"> →</span>
        </a>
      </figcaption>
      <div className="live-scroll">
        <GraphDiagram plan={plan} label={`Start order of the ${graph.project.name} example`} />
      </div>
      <p className="live-caption">
        {caption ??
          'Each column is a start wave: a service starts as soon as everything it depends on is up. Arrows point from a dependency to its dependent.'}
      </p>
    </figure>
  )
}
