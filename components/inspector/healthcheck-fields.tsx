'use client'

import { useEditorStore } from '@/components/editor/editor-store-provider'
import { Switch } from '@/components/ui/switch'
import type { HealthCheck } from '@/lib/graph/types'
import { useShallow } from 'zustand/react/shallow'
import { Field } from './field'
import { IntegerField } from './integer-field'
import { NameListEditor } from './name-list-editor'
import { useProjectProblems } from './use-project-problems'

const DEFAULT: HealthCheck = {
  services: [],
  intervalS: 30,
  timeoutS: 10,
  startPeriodS: 30,
  retries: 3,
}

/** The optional Dockerfile HEALTHCHECK: longruns that must be up, and an HTTP probe. */
export function HealthcheckFields({
  value,
  onChange,
  onBlur,
}: {
  value: HealthCheck | undefined
  onChange: (hc: HealthCheck | undefined, key?: string) => void
  onBlur: () => void
}) {
  const longruns = useEditorStore(
    useShallow((s) =>
      Object.keys(s.graph.services)
        .filter((n) => s.graph.services[n]?.type === 'longrun')
        .sort(),
    ),
  )
  const problems = useProjectProblems('healthcheck')
  const set = (patch: Partial<HealthCheck>, key?: string) =>
    value && onChange({ ...value, ...patch }, key)
  const num = (field: keyof HealthCheck, label: string, min: number) => (
    <IntegerField
      id={`f-hc-${field}`}
      label={label}
      field={`healthcheck.${field}`}
      value={value?.[field] as number | undefined}
      min={min}
      max={86400}
      onCommit={(n) => n !== undefined && set({ [field]: n }, `healthcheck.${field}`)}
      onBlur={onBlur}
    />
  )
  return (
    <Field
      label="Health check"
      field="healthcheck"
      problems={problems}
      help="A Dockerfile HEALTHCHECK: healthy when the chosen longruns are up (s6-svstat) and the URL answers."
    >
      <Switch
        id="f-healthcheck"
        field="healthcheck"
        label="Add a HEALTHCHECK"
        checked={value !== undefined}
        onChange={(on) => onChange(on ? DEFAULT : undefined)}
      />
      {value ? (
        <div className="subfields">
          <NameListEditor
            id="f-hc-services"
            label="Services that must be up"
            field="healthcheck.services"
            names={value.services}
            candidates={longruns}
            emptyText="None: only the URL is checked."
            onChange={(services) => set({ services })}
          />
          <Field
            label="URL"
            field="healthcheck.url"
            htmlFor="f-hc-url"
            help="Optional HTTP probe from inside the container."
          >
            <input
              id="f-hc-url"
              data-field="healthcheck.url"
              className="input input-mono"
              placeholder="http://127.0.0.1:3000/health"
              value={value.url ?? ''}
              onChange={(e) => {
                const { url: _old, ...rest } = value
                onChange(
                  e.target.value === '' ? rest : { ...rest, url: e.target.value },
                  'healthcheck.url',
                )
              }}
              onBlur={onBlur}
            />
          </Field>
          <div className="field-grid">
            {num('intervalS', 'Interval (s)', 1)}
            {num('timeoutS', 'Timeout (s)', 1)}
            {num('startPeriodS', 'Start period (s)', 0)}
            {num('retries', 'Retries', 1)}
          </div>
        </div>
      ) : null}
    </Field>
  )
}
