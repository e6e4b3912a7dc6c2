'use client'

import { useState } from 'react'
import { Switch } from '@/components/ui/switch'
import { S6_SETTINGS, s6Default } from '@/lib/graph/overlay'
import { Field } from './field'
import { useProjectProblems } from './use-project-problems'

/**
 * The S6_* settings with their defaults for the target release and what they do. Only values
 * that differ from the default are stored (they become Dockerfile ENV lines).
 */
export function S6SettingsTable({
  s6Env,
  overlayVersion,
  onChange,
}: {
  s6Env: Record<string, string>
  overlayVersion: string
  onChange: (s6Env: Record<string, string>) => void
}) {
  const [onlyChanged, setOnlyChanged] = useState(false)
  const problems = useProjectProblems('s6Env')
  const set = (name: string, value: string) => {
    const next = { ...s6Env }
    if (value === s6Default(name, overlayVersion)) delete next[name]
    else next[name] = value
    onChange(next)
  }
  const changed = Object.keys(s6Env).length
  const rows = S6_SETTINGS.filter((s) => !onlyChanged || s.name in s6Env)
  return (
    <Field
      label="S6 settings"
      field="s6Env"
      problems={problems}
      help="s6-overlay’s behaviour switches, set as ENV in the Dockerfile stage. Only changed ones are written."
      aside={<span className="field-note">{changed} changed</span>}
    >
      <Switch
        id="f-s6-only-changed"
        label="Show only changed"
        checked={onlyChanged}
        onChange={setOnlyChanged}
      />
      <div className="s6-table" role="table" aria-label="S6 settings">
        {rows.map((s) => {
          const def = s6Default(s.name, overlayVersion) ?? ''
          const value = s6Env[s.name] ?? def
          const isChanged = s.name in s6Env
          const id = `f-s6-${s.name}`
          return (
            <div key={s.name} className={`s6-row${isChanged ? ' is-changed' : ''}`} role="row">
              <div className="s6-name" role="rowheader">
                <label htmlFor={id} className="s6-key">
                  {isChanged ? (
                    <span className="changed-dot" title="Differs from the default" />
                  ) : null}
                  {s.name.replace(/^S6_/, '')}
                </label>
                <span className="s6-meaning">
                  {s.meaning} Default: <code>{def === '' ? 'unset' : def}</code>.
                </span>
              </div>
              <div className="s6-control" role="cell">
                {s.choices ? (
                  <select
                    id={id}
                    data-field={`s6Env.${s.name}`}
                    className="input input-sm"
                    value={value}
                    onChange={(e) => set(s.name, e.target.value)}
                  >
                    {s.choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                        {c === def ? ' (default)' : ''}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    data-field={`s6Env.${s.name}`}
                    className="input input-sm input-mono"
                    value={value}
                    placeholder="unset"
                    spellCheck={false}
                    onChange={(e) => set(s.name, e.target.value)}
                  />
                )}
                {isChanged ? (
                  <button
                    type="button"
                    className="link-button s6-reset"
                    aria-label={`Reset ${s.name} to its default`}
                    onClick={() => set(s.name, def)}
                  >
                    Reset
                  </button>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>
    </Field>
  )
}
