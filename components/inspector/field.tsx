'use client'

import { Fragment, type ReactNode } from 'react'
import { Icon } from '@/components/ui/icons'
import type { Diagnostic } from '@/lib/graph/types'
import { HELP } from './field-help'

/** Inline problems under a field, each linking to its docs page. */
export function FieldProblems({
  problems,
  local,
}: {
  problems: readonly Diagnostic[]
  local?: string | undefined
}) {
  if (problems.length === 0 && !local) return null
  return (
    <ul className="field-problems">
      {local ? (
        <li className="field-problem is-error" role="alert">
          <Icon name="error" size={13} />
          <span>{local}</span>
        </li>
      ) : null}
      {problems.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`field-problem is-${d.severity}`}>
          <Icon name={d.severity === 'info' ? 'info' : d.severity} size={13} />
          <span>
            {d.message}{' '}
            <a href={`/docs/diagnostics/${d.code}/`} className="field-problem-link">
              Why?
            </a>
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Help text with its `backquoted` parts as code (file names, s6 terms), as text, never HTML. */
function withCode(text: string): ReactNode[] {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
    )
}

/**
 * A labelled field with its help text and its own problems. `field` names the model field; it
 * is also the key the problems panel uses to focus the input (`data-field`).
 */
export function Field({
  label,
  field,
  htmlFor,
  help,
  problems = [],
  local,
  aside,
  children,
}: {
  label: string
  field: string
  htmlFor?: string
  help?: string
  problems?: readonly Diagnostic[]
  local?: string | undefined
  aside?: ReactNode
  children: ReactNode
}) {
  const text = help ?? HELP[field]
  return (
    <div
      className={`field${problems.some((p) => p.severity === 'error') || local ? ' has-error' : ''}`}
    >
      <div className="field-head">
        {htmlFor ? (
          <label className="field-label" htmlFor={htmlFor}>
            {label}
          </label>
        ) : (
          <span className="field-label">{label}</span>
        )}
        {text ? (
          <span className="field-tip" title={text.replaceAll('`', '')} aria-hidden="true">
            <Icon name="help" size={12} />
          </span>
        ) : null}
        {aside}
      </div>
      {children}
      <FieldProblems problems={problems} local={local} />
      {text ? <p className="field-help">{withCode(text)}</p> : null}
    </div>
  )
}
