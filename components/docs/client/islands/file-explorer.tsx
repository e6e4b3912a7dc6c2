import { exampleGraph } from '@/components/docs/live/example-graph'
import { FileExplorerView } from '@/components/docs/live/file-explorer-view'
import type { IslandProps } from '@/components/docs/live/islands'

export function view(props: IslandProps['file-explorer']) {
  return <FileExplorerView {...props} graph={exampleGraph('FileExplorer', props.example)} />
}
