'use client'

import { lazyWidget } from './lazy-widget'
import { WidgetPlaceholder } from './widget-frame'

/**
 * `<OrderSimulator example="reference" />` in MDX: switch services and dependencies of an
 * example off and watch the start waves and the shutdown order change. Loads only where used.
 */
export const OrderSimulator = lazyWidget(
  () => import('./order-simulator-view').then((m) => m.OrderSimulatorView),
  <WidgetPlaceholder height={420} label="Loading the simulator…" />,
)
