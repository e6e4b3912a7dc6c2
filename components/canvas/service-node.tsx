import type { NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import type { Service } from '@/lib/graph/types'
import { NodeHandles, NodeName, ProblemBadges } from './node-parts'
import type { ServiceFlowNode } from './to-flow-elements'

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`
}

function facts(service: Service, external: string[]): string[] {
  const out: string[] = []
  if (service.type === 'longrun') {
    if (service.env.length > 0) out.push(`${service.env.length} env`)
    if (service.readiness) out.push(`ready fd ${service.readiness.notificationFd}`)
    if (service.producerFor) out.push('logged')
    if (service.consumerFor?.length) out.push('logger')
  } else if (service.type === 'oneshot') {
    if (service.timeoutUp) out.push(`up ≤ ${seconds(service.timeoutUp)}`)
    if (service.down) out.push('has down')
  }
  if (external.length > 0) out.push(`needs ${external.join(', ')}`)
  return out
}

/** A oneshot or longrun on the canvas: a pill (oneshot) or a card (longrun). */
export const ServiceNode = memo(function ServiceNode({
  data,
  selected,
}: NodeProps<ServiceFlowNode>) {
  const { name, service, problems, external } = data
  // A preview row of this service is hovered (start order, shutdown, process tree).
  const highlighted = useEditorStore((s) => s.ui.hoveredService === name)
  const type = service.type
  const extra = facts(service, external)
  return (
    <div
      className={`node node-${type}${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${problems.errors ? ' has-errors' : ''}`}
      title={service.description ? `${name}: ${service.description}` : name}
    >
      <NodeHandles name={name} />
      <span className="node-icon">
        <Icon name={type === 'longrun' ? 'longrun' : 'oneshot'} size={15} />
      </span>
      <span className="node-body">
        <span className="node-name">
          <NodeName name={name} />
        </span>
        <span className="node-meta">
          <span className="node-type">{type}</span>
          {extra.map((f) => (
            <span key={f} className="node-fact">
              {f}
            </span>
          ))}
        </span>
      </span>
      <ProblemBadges problems={problems} />
    </div>
  )
})
