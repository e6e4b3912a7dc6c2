import type { ComponentType } from 'react'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraph } from './example-graph'
import { FileExplorerView } from './file-explorer-view'
import { GraphPreviewView } from './graph-preview-view'
import type { IslandName } from './islands'
import { OrderSimulatorView } from './order-simulator-view'

/**
 * An MDX widget: the view of a built-in example, rendered at build time inside the element the
 * docs script mounts it on (components/docs/client/islands.ts).
 */
function island<P extends { example: string }>(
  name: IslandName,
  widget: string,
  View: ComponentType<P & { graph: ServiceGraph }>,
) {
  function Widget(props: P) {
    return (
      <div className="island" data-island={name} data-props={JSON.stringify(props)}>
        <View {...props} graph={exampleGraph(widget, props.example)} />
      </div>
    )
  }
  Widget.displayName = widget
  return Widget
}

/** `<GraphPreview example="reference" />`: an example drawn in start waves. */
export const GraphPreview = island('graph-preview', 'GraphPreview', GraphPreviewView)

/** `<OrderSimulator example="reference" />`: start and stop orders as services are switched off. */
export const OrderSimulator = island('order-simulator', 'OrderSimulator', OrderSimulatorView)

/** `<FileExplorer example="reference" />`: the files the exporter writes for an example. */
export const FileExplorer = island('file-explorer', 'FileExplorer', FileExplorerView)
