'use client'

import { useMemo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { useServiceActions } from '@/components/preview/use-service-actions'
import { relationsOf } from '@/lib/graph/relations'
import type { Service, ServiceName } from '@/lib/graph/types'
import { ChipName } from './chip-name'
import { Section } from './section'

/** Names shown before "and N more": the lists can hold a whole design. */
const SHOWN = 24

/** Read-only chips: a design's service selects it (and lights it up on the canvas on hover). */
function NameChips({
  label,
  names,
  empty,
}: {
  label: string
  names: ServiceName[]
  empty: string
}) {
  const services = useEditorStore((s) => s.graph.services)
  const { hover, select } = useServiceActions()
  return (
    <div className="field">
      <div className="field-head">
        <span className="field-label">{label}</span>
        {names.length > 0 ? <span className="field-aside">{names.length}</span> : null}
      </div>
      <ul className="name-list" aria-label={label}>
        {names.length === 0 ? <li className="name-list-empty">{empty}</li> : null}
        {names.slice(0, SHOWN).map((n) => {
          const type = Object.hasOwn(services, n) ? services[n]!.type : undefined
          return (
            <li key={n} className="name-chip is-readonly">
              <ChipName
                name={n}
                serviceType={type}
                onClick={() => select(n)}
                onMouseEnter={() => hover(n)}
                onMouseLeave={() => hover(undefined)}
                onFocus={() => hover(n)}
                onBlur={() => hover(undefined)}
              />
            </li>
          )
        })}
        {names.length > SHOWN ? (
          <li className="name-list-empty">and {names.length - SHOWN} more</li>
        ) : null}
      </ul>
    </div>
  )
}

/**
 * What the service is tied to, as s6-rc acts on it: what lists it, what stops with it and what
 * starts with it. Read-only; collapsed until opened.
 */
export function RelationsSection({ name, service }: { name: ServiceName; service: Service }) {
  const graph = useEditorStore((s) => s.graph)
  const relations = useMemo(() => relationsOf(graph, name), [graph, name])
  const bundle = service.type === 'bundle'
  return (
    <Section
      title="Relations"
      open={false}
      summary={`stops ${relations.stops.length} · starts ${relations.starts.length}`}
    >
      <NameChips
        label={bundle ? 'Listed by' : 'Needed by'}
        names={relations.neededBy}
        empty="Nothing lists it, so it does not start at boot."
      />
      <NameChips
        label={bundle ? 'Stopping it stops' : 'Stopping it also stops'}
        names={relations.stops}
        empty={bundle ? 'No service: the bundle is empty.' : 'Nothing else: no service needs it.'}
      />
      <NameChips
        label={bundle ? 'Starting it starts' : 'Starting it first starts'}
        names={relations.starts}
        empty={bundle ? 'No service: the bundle is empty.' : 'Nothing else: it needs nothing.'}
      />
      <p className="field-help">
        As <code>s6-rc -d change {name}</code> and <code>s6-rc -u change {name}</code> would, in a
        running container.
      </p>
    </Section>
  )
}
