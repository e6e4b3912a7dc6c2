'use client'

import { useState } from 'react'
import type { Diagnostic } from '@/lib/graph/types'
import { Field } from './field'
import { useRevertInvalid } from './use-revert-invalid'

/** Checks a typed integer: undefined for empty, an error text when out of range or not a number. */
export function parseInteger(
  text: string,
  min: number,
  max: number,
): { value: number | undefined } | { error: string } {
  const t = text.trim()
  if (t === '') return { value: undefined }
  if (!/^\d+$/.test(t)) return { error: 'Enter a whole number.' }
  const n = Number(t)
  if (n < min || n > max) return { error: `Enter a number from ${min} to ${max}.` }
  return { value: n }
}

/** A whole number with bounds; invalid input is shown and not committed. Empty means not set. */
export function IntegerField({
  id,
  label,
  field,
  value,
  min,
  max,
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
  min: number
  max: number
  onCommit: (value: number | undefined) => void
  onBlur?: () => void
  problems?: readonly Diagnostic[]
  help?: string
  placeholder?: string
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value))
  const [error, setError] = useState<string | undefined>()
  const [seen, setSeen] = useState(value)
  const revertInvalid = useRevertInvalid(label)
  if (seen !== value) {
    setSeen(value)
    const parsed = parseInteger(text, min, max)
    if (!('value' in parsed) || parsed.value !== value) {
      setText(value === undefined ? '' : String(value))
      setError(undefined)
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
      <input
        id={id}
        data-field={field}
        className="input"
        inputMode="numeric"
        placeholder={placeholder ?? 'not set'}
        value={text}
        aria-invalid={error !== undefined}
        onChange={(e) => {
          setText(e.target.value)
          const parsed = parseInteger(e.target.value, min, max)
          if ('error' in parsed) return setError(parsed.error)
          setError(undefined)
          if (parsed.value !== value) {
            setSeen(parsed.value)
            onCommit(parsed.value)
          }
        }}
        onBlur={(e) => {
          revertInvalid(
            error,
            () => {
              setText(value === undefined ? '' : String(value))
              setError(undefined)
            },
            e.relatedTarget,
          )
          onBlur?.()
        }}
      />
    </Field>
  )
}
