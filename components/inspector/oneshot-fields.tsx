'use client'

import type { Oneshot, ServiceName } from '@/lib/graph/types'
import { DependenciesField, StartStopTimes, WithContenvField } from './atomic-fields'
import { EssentialField, IdentityFields } from './common-fields'
import { ScriptEditor } from './script-editor'
import { Section } from './section'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Every field of a oneshot. */
export function OneshotFields({ name, service }: { name: ServiceName; service: Oneshot }) {
  const { update, done } = useServiceUpdater(name)
  const up = useFieldProblems(name, 'up')
  const down = useFieldProblems(name, 'down')
  return (
    <>
      <Section title="Service">
        <IdentityFields name={name} service={service} />
      </Section>
      <Section title="Scripts">
        <ScriptEditor
          id="f-up"
          label="Up"
          field="up"
          script={service.up}
          problems={up}
          onChange={(s) => s && update({ up: s }, 'up')}
          onBlur={done}
        />
        <ScriptEditor
          id="f-down"
          label="Down"
          field="down"
          script={service.down}
          optional
          problems={down}
          onChange={(s) => update({ down: s }, 'down')}
          onBlur={done}
        />
        <WithContenvField name={name} service={service} />
        {/* Longruns have a Variables table; a oneshot has no env/ folder to write it to. */}
        <p className="field-help oneshot-env-note">
          Variables: a oneshot has no <code>env/</code> folder of its own. With with-contenv it sees
          the container&rsquo;s variables (the Project tab); set any others in the script itself (
          <code>export NAME=value</code> in sh).
        </p>
      </Section>
      <Section title="Order">
        <DependenciesField name={name} service={service} />
      </Section>
      <Section title="Timing">
        <StartStopTimes name={name} service={service} />
      </Section>
      <Section title="Advanced" open={service.essential === true}>
        <EssentialField name={name} service={service} />
      </Section>
    </>
  )
}
