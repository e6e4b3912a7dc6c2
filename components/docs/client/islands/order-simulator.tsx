import { exampleGraph } from '@/components/docs/live/example-graph'
import { OrderSimulatorView } from '@/components/docs/live/order-simulator-view'
import type { IslandProps } from '@/components/docs/live/islands'

export function view(props: IslandProps['order-simulator']) {
  return <OrderSimulatorView {...props} graph={exampleGraph('OrderSimulator', props.example)} />
}
