import type { ReactNode } from 'react'
import { exampleGraph } from './example-graph'
import { FileExplorerView } from './file-explorer-view'
import { GraphPreviewView } from './graph-preview-view'
import type { IslandName, IslandProps } from './islands'
import { OrderSimulatorView } from './order-simulator-view'

function Island<N extends IslandName>({
  name,
  props,
  children,
}: {
  name: N
  props: IslandProps[N]
  children: ReactNode
}) {
  return (
    <div className="island" data-island={name} data-props={JSON.stringify(props)}>
      {children}
    </div>
  )
}

/** `<GraphPreview example="reference" />`: an example drawn in start waves. */
export function GraphPreview(props: IslandProps['graph-preview']) {
  return (
    <Island name="graph-preview" props={props}>
      <GraphPreviewView {...props} graph={exampleGraph('GraphPreview', props.example)} />
    </Island>
  )
}

/** `<OrderSimulator example="reference" />`: start and stop orders as services are switched off. */
export function OrderSimulator(props: IslandProps['order-simulator']) {
  return (
    <Island name="order-simulator" props={props}>
      <OrderSimulatorView {...props} graph={exampleGraph('OrderSimulator', props.example)} />
    </Island>
  )
}

/** `<FileExplorer example="reference" />`: the files the exporter writes for an example. */
export function FileExplorer(props: IslandProps['file-explorer']) {
  return (
    <Island name="file-explorer" props={props}>
      <FileExplorerView {...props} graph={exampleGraph('FileExplorer', props.example)} />
    </Island>
  )
}
