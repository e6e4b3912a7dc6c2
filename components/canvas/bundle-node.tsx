import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { Icon } from '@/components/ui/icons'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import { NodeHandles, NodeName, ProblemBadges } from './node-parts'
import type { ServiceFlowNode } from './to-flow-elements'

/** A bundle: a folder-tabbed box. The `user` bundle is what s6-overlay brings up at boot. */
export const BundleNode = memo(function BundleNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  const { name, service, problems } = data
  const boots = name === USER_BUNDLE
  const members = service.type === 'bundle' ? service.contents.length : 0
  return (
    <div
      className={`node node-bundle${boots ? ' is-user' : ''}${selected ? ' is-selected' : ''}${problems.errors ? ' has-errors' : ''}`}
      title={service.description ? `${name}: ${service.description}` : name}
    >
      <NodeHandles name={name} />
      <span className="node-icon">
        <Icon name={boots ? 'power' : 'bundle'} size={15} />
      </span>
      <span className="node-body">
        <span className="node-name">
          <NodeName name={name} />
          {boots ? <span className="node-tag">boots</span> : null}
        </span>
        <span className="node-meta">
          <span className="node-type">bundle</span>
          <span className="node-fact">
            {members} member{members === 1 ? '' : 's'}
          </span>
        </span>
      </span>
      <ProblemBadges problems={problems} />
    </div>
  )
})
