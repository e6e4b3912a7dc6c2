'use client'

import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { useMemo, useRef, useState } from 'react'
import { Icon } from '@/components/ui/icons'
import { needersOf } from '@/lib/graph/resolve'
import { GRAPH_VERSION, type Diagnostic, type ServiceName } from '@/lib/graph/types'
import { ChipName } from './chip-name'
import { Field } from './field'

/**
 * An editable list of service names (dependencies or bundle contents): each entry can be
 * removed or opened; new ones come from a dropdown of the names that fit.
 */
export function NameListEditor({
  id,
  label,
  field,
  names,
  candidates,
  extra = [],
  owner,
  problems,
  onChange,
  emptyText,
}: {
  id: string
  label: string
  field: string
  names: readonly ServiceName[]
  /** Names of the graph that may be added. */
  candidates: readonly ServiceName[]
  /** Names defined outside the graph that may be added (s6-overlay's `base`…). */
  extra?: readonly ServiceName[]
  /**
   * The service whose needs the list holds: names that need it already are offered disabled,
   * as adding one would close a cycle (what the canvas refuses too).
   */
  owner?: ServiceName
  problems?: readonly Diagnostic[]
  onChange: (names: ServiceName[]) => void
  emptyText: string
}) {
  const store = useEditorStoreApi()
  const types = useEditorStore((s) => s.graph.services)
  const project = useEditorStore((s) => s.graph.project)
  // From the services and settings only: moving nodes (a new layout) changes neither.
  const refused = useMemo(
    () =>
      owner === undefined
        ? undefined
        : needersOf({ version: GRAPH_VERSION, project, services: types, layout: {} }, owner),
    [types, project, owner],
  )
  // Arrow keys on a closed select change its value (and fire change) at each press: there, a
  // change only chooses, and Enter adds. A pick from the open list (mouse, or Enter in it) adds.
  const [pending, setPending] = useState('')
  const browsing = useRef(false)
  const add = (name: string) => {
    setPending('')
    onChange([...names, name])
    store.getState().announce(`${name} added to ${label.toLowerCase()}.`)
  }
  const addable = candidates.filter((n) => !names.includes(n))
  const addableExtra = extra.filter((n) => !names.includes(n) && !candidates.includes(n))
  const option = (n: ServiceName) =>
    refused?.has(n) ? (
      <option key={n} value={n} disabled>
        {n} (would make a cycle: it needs this one)
      </option>
    ) : (
      <option key={n} value={n}>
        {n}
      </option>
    )
  return (
    <Field label={label} field={field} htmlFor={id} problems={problems ?? []}>
      <ul className="name-list" aria-label={label}>
        {names.length === 0 ? <li className="name-list-empty">{emptyText}</li> : null}
        {names.map((n, i) => {
          const type = types[n]?.type
          return (
            <li key={n} className="name-chip" data-field={`${field}.${i}`} tabIndex={-1}>
              <ChipName
                name={n}
                serviceType={type}
                onClick={() => store.getState().selectService(n)}
              />
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${n} from ${label.toLowerCase()}`}
                onClick={() => {
                  onChange(names.filter((x) => x !== n))
                  store.getState().announce(`${n} removed from ${label.toLowerCase()}.`)
                }}
              >
                <Icon name="x" size={12} />
              </button>
            </li>
          )
        })}
      </ul>
      <select
        id={id}
        data-field={field}
        className="input input-add"
        aria-label={`Add to ${label.toLowerCase()}`}
        aria-describedby={pending ? `${id}-pending` : undefined}
        value={pending}
        disabled={addable.length === 0 && addableExtra.length === 0}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            if (pending) {
              e.preventDefault()
              add(pending)
            }
          } else if (e.key === 'Escape') {
            if (pending) {
              e.preventDefault()
              setPending('')
            }
          } else if (e.key !== 'Tab' && !e.altKey) {
            browsing.current = true
            setTimeout(() => {
              browsing.current = false
            }, 0)
          }
        }}
        onBlur={() => setPending('')}
        onChange={(e) => {
          const value = e.target.value
          if (!value) setPending('')
          else if (browsing.current) setPending(value)
          else add(value)
        }}
      >
        <option value="">
          {addable.length + addableExtra.length === 0 ? 'Nothing left to add' : '+ Add…'}
        </option>
        {addable.length > 0 ? (
          <optgroup label="In this design">{addable.map(option)}</optgroup>
        ) : null}
        {addableExtra.length > 0 ? (
          <optgroup label="From s6-overlay">{addableExtra.map(option)}</optgroup>
        ) : null}
      </select>
      {pending ? (
        <p className="field-help" id={`${id}-pending`}>
          Enter adds {pending}; Escape leaves it.
        </p>
      ) : null}
    </Field>
  )
}
