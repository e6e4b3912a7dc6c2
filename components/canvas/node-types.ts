import type { NodeTypes } from '@xyflow/react'
import { BundleNode } from './bundle-node'
import { ServiceNode } from './service-node'

/** Declared once at module scope so React Flow never sees a new object (STYLE 13). */
export const nodeTypes: NodeTypes = {
  oneshot: ServiceNode,
  longrun: ServiceNode,
  bundle: BundleNode,
}
