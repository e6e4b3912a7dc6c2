'use client'

import { useEffect, useRef, useState } from 'react'
import { Icon } from '@/components/ui/icons'
import type { Diagnostic, EnvVar } from '@/lib/graph/types'
import { Field, FieldProblems } from './field'

/**
 * Env vars as an editable table: name and value on the first line, description and group on
 * the second, a secret switch. Each row shows validation's findings for it (names are checked as
 * they are typed, by the same rules as the export). Typing coalesces by field (`key`); adding or
 * removing a row passes no key, so each is an undo step of its own. A row just added keeps
 * its empty name's error to itself until the focus leaves the table: nothing is wrong yet.
 */
export function EnvTable({
  idPrefix,
  label,
  field,
  vars,
  problems,
  onChange,
  onBlur,
  help,
}: {
  idPrefix: string
  label: string
  field: string
  vars: readonly EnvVar[]
  problems: readonly Diagnostic[]
  onChange: (vars: EnvVar[], key?: string) => void
  onBlur: () => void
  help?: string
}) {
  // The row "Add variable" just added: its name gets the focus once it is drawn.
  const added = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (added.current === undefined) return
    document.getElementById(`${idPrefix}-${added.current}-name`)?.focus()
    added.current = undefined
  }, [vars.length, idPrefix])
  // The row just added, while its name is empty and the focus has not left the table.
  const [fresh, setFresh] = useState<number | undefined>(undefined)
  const freshRow = fresh !== undefined && vars[fresh]?.name === '' ? fresh : undefined
  const set = (i: number, patch: Partial<EnvVar>, key: string) =>
    onChange(
      vars.map((v, j) => {
        if (j !== i) return v
        const next: EnvVar = { ...v, ...patch }
        if (next.description === '') delete next.description
        if (next.group === '') delete next.group
        if (next.secret === false) delete next.secret
        return next
      }),
      `${field}.${i}.${key}`,
    )
  return (
    <Field
      label={label}
      field={field}
      problems={problems.filter((p) => p.field === field)}
      {...(help ? { help } : {})}
    >
      <div className="env-table" role="group" aria-label={label}>
        {vars.length > 0 ? (
          <div className="env-head" aria-hidden="true">
            <span>Name</span>
            <span>Value</span>
          </div>
        ) : null}
        {vars.map((v, i) => {
          const rowProblems =
            i === freshRow ? [] : problems.filter((p) => p.field?.startsWith(`${field}.${i}.`))
          const badName = rowProblems.some(
            (p) => p.severity === 'error' && p.field === `${field}.${i}.name`,
          )
          return (
            <div
              key={i}
              className={`env-row${badName ? ' has-error' : ''}`}
              role="group"
              aria-label={`Variable ${v.name || i + 1}`}
              onBlur={(e) => {
                // Left for another row's field or for Add variable, the row stays quiet: its
                // error would push the button away under the pointer between press and release.
                const to = e.relatedTarget
                const table = e.currentTarget.parentElement
                if (i === fresh && !(to instanceof Node && table?.contains(to))) setFresh(undefined)
              }}
            >
              <div className="env-line">
                <input
                  className="input input-mono"
                  id={`${idPrefix}-${i}-name`}
                  data-field={`${field}.${i}.name`}
                  aria-label={`Variable ${i + 1} name`}
                  aria-invalid={badName}
                  placeholder="NAME"
                  spellCheck={false}
                  value={v.name}
                  onChange={(e) => set(i, { name: e.target.value }, 'name')}
                  onBlur={onBlur}
                />
                <input
                  className="input input-mono"
                  id={`${idPrefix}-${i}-value`}
                  data-field={`${field}.${i}.value`}
                  aria-label={`Variable ${v.name || i + 1} value`}
                  placeholder={v.secret ? 'secret: set at run time' : 'value'}
                  spellCheck={false}
                  value={v.value}
                  onChange={(e) => set(i, { value: e.target.value }, 'value')}
                  onBlur={onBlur}
                />
                <button
                  type="button"
                  className={`btn btn-ghost btn-sm btn-icon env-secret${v.secret ? ' is-on' : ''}`}
                  aria-pressed={v.secret === true}
                  aria-label={`Variable ${v.name || i + 1} is secret`}
                  title={
                    v.secret ? 'Secret: never written into exports or links' : 'Mark as secret'
                  }
                  onClick={() => set(i, { secret: !v.secret }, 'secret')}
                >
                  <span aria-hidden="true">{v.secret ? '●' : '○'}</span>
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm btn-icon"
                  aria-label={`Remove variable ${v.name || i + 1}`}
                  onClick={() => {
                    setFresh(undefined)
                    onChange(vars.filter((_, j) => j !== i))
                  }}
                >
                  <Icon name="trash" size={13} />
                </button>
              </div>
              <div className="env-line env-line-2">
                <input
                  className="input input-sm"
                  data-field={`${field}.${i}.description`}
                  aria-label={`Variable ${v.name || i + 1} description`}
                  placeholder="Description"
                  value={v.description ?? ''}
                  onChange={(e) => set(i, { description: e.target.value }, 'description')}
                  onBlur={onBlur}
                />
                <input
                  className="input input-sm env-group"
                  data-field={`${field}.${i}.group`}
                  aria-label={`Variable ${v.name || i + 1} group`}
                  placeholder="Group"
                  value={v.group ?? ''}
                  onChange={(e) => set(i, { group: e.target.value }, 'group')}
                  onBlur={onBlur}
                />
              </div>
              <FieldProblems problems={rowProblems} />
            </div>
          )
        })}
        <button
          type="button"
          className="btn btn-default btn-sm"
          id={`${idPrefix}-add`}
          onClick={() => {
            added.current = vars.length
            setFresh(vars.length)
            onChange([...vars, { name: '', value: '' }])
          }}
        >
          <Icon name="plus" size={13} />
          <span className="btn-label">Add variable</span>
        </button>
      </div>
    </Field>
  )
}
