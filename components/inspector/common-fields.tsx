'use client'

import { LiveTextArea } from '@/components/ui/live-textarea'
import { Switch } from '@/components/ui/switch'
import type { Service, ServiceName } from '@/lib/graph/types'
import { Field } from './field'
import { NameField } from './name-field'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Name and description, shared by every type. */
export function IdentityFields({ name, service }: { name: ServiceName; service: Service }) {
  const { update, done } = useServiceUpdater(name)
  const problems = useFieldProblems(name, 'description')
  return (
    <>
      <NameField name={name} />
      <Field label="Description" field="description" htmlFor="f-description" problems={problems}>
        <LiveTextArea
          id="f-description"
          data-field="description"
          className="input textarea"
          rows={2}
          placeholder="What it does, for the generated README"
          value={service.description ?? ''}
          onValue={(text) => update({ description: text || undefined }, 'description')}
          onBlur={done}
        />
      </Field>
    </>
  )
}

/** `flag-essential`, shown under Advanced with its warning. */
export function EssentialField({ name, service }: { name: ServiceName; service: Service }) {
  const { update } = useServiceUpdater(name)
  const problems = useFieldProblems(name, 'essential')
  return (
    <Field label="Essential" field="essential" problems={problems}>
      <Switch
        id="f-essential"
        field="essential"
        label="flag-essential"
        checked={service.essential === true}
        onChange={(on) => update({ essential: on || undefined })}
      />
    </Field>
  )
}
