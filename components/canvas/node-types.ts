import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import { BundleNode } from './bundle-node'
import { ServiceEdge } from './service-edge'
import { ServiceNode } from './service-node'

/** Declared once at module scope so React Flow never sees a new object (STYLE 13). */
export const nodeTypes: NodeTypes = {
  oneshot: ServiceNode,
  longrun: ServiceNode,
  bundle: BundleNode,
}

/** Every edge is a ServiceEdge: a bezier, or a loop when it runs right to left. */
export const edgeTypes: EdgeTypes = { service: ServiceEdge }
