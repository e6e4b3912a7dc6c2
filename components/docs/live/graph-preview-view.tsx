import type { ServiceGraph } from '@/lib/graph/types'
import { startPlan } from '@/lib/plan/plan'
import { ScrollableDiagram } from './graph-diagram'
import { useDesignerLink } from './designer-href'

/** `<GraphPreview>`: a built-in example drawn in start waves. */
export function GraphPreviewView({
  example,
  graph,
  caption,
}: {
  example: string
  graph: ServiceGraph
  caption?: string
}) {
  const href = useDesignerLink(example, graph)
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
      <ScrollableDiagram plan={plan} label={`Start order of the ${graph.project.name} example`} />
      <p className="live-caption">
        {caption ??
          'Each column is a start wave: a service starts as soon as everything it depends on is up. Arrows point from a dependency to its dependent.'}
      </p>
    </figure>
  )
}
