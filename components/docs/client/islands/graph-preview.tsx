import { exampleGraph } from '@/components/docs/live/example-graph'
import { GraphPreviewView } from '@/components/docs/live/graph-preview-view'
import type { IslandProps } from '@/components/docs/live/islands'

export function view(props: IslandProps['graph-preview']) {
  return <GraphPreviewView {...props} graph={exampleGraph('GraphPreview', props.example)} />
}
