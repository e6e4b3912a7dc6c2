'use client'

import type { Longrun, ServiceName } from '@/lib/graph/types'
import { DependenciesField, StartStopTimes, WithContenvField } from './atomic-fields'
import { EssentialField, IdentityFields } from './common-fields'
import { EnvTable } from './env-table'
import { ExtraFilesField } from './extra-files-field'
import {
  LoggerField,
  ProcessFields,
  ReadinessFields,
  StoppingFields,
  SupervisionFields,
} from './longrun-runtime-fields'
import { ScriptEditor } from './script-editor'
import { Section } from './section'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Every field of a longrun. */
export function LongrunFields({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update, done } = useServiceUpdater(name)
  const run = useFieldProblems(name, 'run')
  const finish = useFieldProblems(name, 'finish')
  const env = useFieldProblems(name, 'env')
  return (
    <>
      <Section title="Service">
        <IdentityFields name={name} service={service} />
      </Section>
      <Section title="Scripts">
        <ScriptEditor
          id="f-run"
          label="Run"
          field="run"
          script={service.run}
          problems={run}
          onChange={(s) => s && update({ run: s }, 'run')}
          onBlur={done}
        />
        <ScriptEditor
          id="f-finish"
          label="Finish"
          field="finish"
          script={service.finish}
          optional
          problems={finish}
          onChange={(s) => update({ finish: s }, 'finish')}
          onBlur={done}
        />
        <WithContenvField name={name} service={service} />
      </Section>
      <Section
        title="Order"
        summary={service.dependencies.length ? `${service.dependencies.length} needed` : undefined}
      >
        <DependenciesField name={name} service={service} />
        <ReadinessFields name={name} service={service} />
      </Section>
      <Section
        title="Environment"
        summary={service.env.length ? `${service.env.length}` : undefined}
      >
        <EnvTable
          idPrefix="f-env"
          label="Variables"
          field="env"
          vars={service.env}
          problems={env}
          onChange={(vars, key) => update({ env: vars }, key)}
          onBlur={done}
        />
      </Section>
      <Section title="Timing and stopping">
        <StartStopTimes name={name} service={service} />
        <StoppingFields name={name} service={service} />
      </Section>
      <Section title="Logging">
        <LoggerField name={name} service={service} />
      </Section>
      <Section title="Processes">
        <ProcessFields name={name} service={service} />
      </Section>
      <Section
        title="Advanced"
        open={
          service.essential === true ||
          service.lockFd !== undefined ||
          service.maxDeathTally !== undefined ||
          (service.extraFiles?.length ?? 0) > 0
        }
      >
        <SupervisionFields name={name} service={service} />
        <ExtraFilesField name={name} service={service} />
        <EssentialField name={name} service={service} />
      </Section>
    </>
  )
}
