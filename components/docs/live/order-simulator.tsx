'use client'

import dynamic from 'next/dynamic'
import { WidgetPlaceholder } from './widget-frame'

/**
 * `<OrderSimulator example="reference" />` in MDX: switch services and dependencies of an
 * example off and watch the start waves and the shutdown order change. Loads only where used.
 */
export const OrderSimulator = dynamic(
  () => import('./order-simulator-view').then((m) => m.OrderSimulatorView),
  { ssr: false, loading: () => <WidgetPlaceholder height={420} label="Loading the simulator…" /> },
)
