'use client'

import { useEditorStore } from '@/components/editor/editor-store-provider'
import { Switch } from '@/components/ui/switch'
import { OVERLAY_DEFINED } from '@/lib/graph/overlay'
import { serviceNames } from '@/lib/graph/service-graph'
import type { AtomicService, ServiceName } from '@/lib/graph/types'
import { useShallow } from 'zustand/react/shallow'
import { DurationField } from './duration-field'
import { Field } from './field'
import { NameListEditor } from './name-list-editor'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Dependencies: services and bundles of the design, plus s6-overlay's own names. */
export function DependenciesField({
  name,
  service,
}: {
  name: ServiceName
  service: AtomicService
}) {
  const { update } = useServiceUpdater(name)
  const candidates = useEditorStore(
    useShallow((s) => serviceNames(s.graph).filter((n) => n !== name)),
  )
  const problems = useFieldProblems(name, 'dependencies')
  return (
    <NameListEditor
      id="f-dependencies"
      label="Dependencies"
      field="dependencies"
      names={service.dependencies}
      candidates={candidates}
      extra={OVERLAY_DEFINED}
      owner={name}
      problems={problems}
      emptyText="Needs nothing but base (added on export)."
      onChange={(dependencies) => update({ dependencies })}
    />
  )
}

export function WithContenvField({ name, service }: { name: ServiceName; service: AtomicService }) {
  const { update } = useServiceUpdater(name)
  const problems = useFieldProblems(name, 'withContenv')
  return (
    <Field label="Container environment" field="withContenv" problems={problems}>
      <Switch
        id="f-withContenv"
        field="withContenv"
        label="Run with with-contenv"
        checked={service.withContenv}
        onChange={(withContenv) => update({ withContenv })}
      />
    </Field>
  )
}

/** timeout-up, timeout-down and the estimated start time. */
export function StartStopTimes({ name, service }: { name: ServiceName; service: AtomicService }) {
  const { update, done } = useServiceUpdater(name)
  const up = useFieldProblems(name, 'timeoutUp')
  const down = useFieldProblems(name, 'timeoutDown')
  const est = useFieldProblems(name, 'estimatedUpMs')
  return (
    <div className="field-grid">
      <DurationField
        id="f-timeoutUp"
        label="Start timeout"
        field="timeoutUp"
        value={service.timeoutUp}
        problems={up}
        placeholder="no limit"
        onCommit={(timeoutUp) => update({ timeoutUp }, 'timeoutUp')}
        onBlur={done}
      />
      <DurationField
        id="f-timeoutDown"
        label="Stop timeout"
        field="timeoutDown"
        value={service.timeoutDown}
        problems={down}
        placeholder="no limit"
        onCommit={(timeoutDown) => update({ timeoutDown }, 'timeoutDown')}
        onBlur={done}
      />
      <DurationField
        id="f-estimatedUpMs"
        label="Estimated start"
        field="estimatedUpMs"
        value={service.estimatedUpMs}
        problems={est}
        placeholder="unknown"
        onCommit={(estimatedUpMs) => update({ estimatedUpMs }, 'estimatedUpMs')}
        onBlur={done}
      />
    </div>
  )
}
