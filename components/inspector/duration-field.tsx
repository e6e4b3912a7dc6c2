'use client'

import { useState } from 'react'
import type { Diagnostic } from '@/lib/graph/types'
import { Field } from './field'
import { useRevertInvalid } from './use-revert-invalid'

type Unit = 'ms' | 's'

function display(ms: number | undefined, unit: Unit): string {
  if (ms === undefined) return ''
  return unit === 's' ? String(ms / 1000) : String(ms)
}

/** Parses what was typed into ms; undefined for empty, an error text for anything else invalid. */
export function parseDuration(
  text: string,
  unit: Unit,
): { ms: number | undefined } | { error: string } {
  const t = text.trim()
  if (t === '') return { ms: undefined }
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: 'Enter a number, for example 30 or 1.5.' }
  const ms = Math.round(Number(t) * (unit === 's' ? 1000 : 1))
  if (ms === 0 && Number(t) !== 0)
    return { error: 'That is under 1 ms: times are whole milliseconds.' }
  if (!Number.isSafeInteger(ms) || ms > 4_294_967_295)
    return { error: 'That is too long for s6 (at most about 49 days).' }
  return { ms }
}

/**
 * A time in ms, typed in ms or s. Invalid input shows an inline error and is not committed.
 * Empty means "not set" (s6's default applies).
 */
export function DurationField({
  id,
  label,
  field,
  value,
  onCommit,
  onBlur,
  problems,
  help,
  placeholder,
}: {
  id: string
  label: string
  field: string
  value: number | undefined
  onCommit: (ms: number | undefined) => void
  onBlur?: () => void
  problems?: readonly Diagnostic[]
  help?: string
  placeholder?: string
}) {
  const [unit, setUnit] = useState<Unit>(() =>
    value !== undefined && value % 1000 !== 0 ? 'ms' : 's',
  )
  const [text, setText] = useState(() => display(value, unit))
  const [error, setError] = useState<string | undefined>()
  const [seen, setSeen] = useState(value)
  const revertInvalid = useRevertInvalid(label)
  // The value changed from outside (undo, another panel): show it.
  if (seen !== value) {
    setSeen(value)
    const parsed = parseDuration(text, unit)
    if (!('ms' in parsed) || parsed.ms !== value) {
      setText(display(value, unit))
      setError(undefined)
    }
  }
  const change = (next: string, nextUnit: Unit) => {
    setText(next)
    const parsed = parseDuration(next, nextUnit)
    if ('error' in parsed) {
      setError(parsed.error)
      return
    }
    setError(undefined)
    if (parsed.ms !== value) {
      setSeen(parsed.ms)
      onCommit(parsed.ms)
    }
  }
  return (
    <Field
      label={label}
      field={field}
      htmlFor={id}
      problems={problems ?? []}
      local={error}
      {...(help ? { help } : {})}
    >
      <div className="input-group">
        <input
          id={id}
          data-field={field}
          className="input"
          inputMode="decimal"
          placeholder={placeholder ?? 'not set'}
          value={text}
          aria-invalid={error !== undefined}
          onChange={(e) => change(e.target.value, unit)}
          onBlur={(e) => {
            revertInvalid(
              error,
              () => {
                setText(display(value, unit))
                setError(undefined)
              },
              e.relatedTarget,
              e.currentTarget.parentElement,
            )
            onBlur?.()
          }}
        />
        <select
          className="input input-unit"
          aria-label={`${label} unit`}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as Unit
            setUnit(next)
            // What failed in one unit may be right in the other: check it again.
            if (error) change(text, next)
            else setText(display(value, next))
          }}
        >
          <option value="s">s</option>
          <option value="ms">ms</option>
        </select>
      </div>
    </Field>
  )
}
