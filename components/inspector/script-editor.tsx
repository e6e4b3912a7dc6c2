'use client'

import { Fragment, useMemo, useRef } from 'react'
import { highlightExecline } from '@/lib/highlight/execline'
import { highlightSh } from '@/lib/highlight/sh'
import type { Diagnostic, Script, ScriptLanguage } from '@/lib/graph/types'
import { LiveTextArea, typeInto } from '@/components/ui/live-textarea'
import { tabKeys } from '@/components/ui/tab-keys'
import { Field } from './field'

const LANGUAGES: readonly ScriptLanguage[] = ['sh', 'bash', 'execline']

/** Highlighted code under a transparent textarea: light, and the textarea keeps native editing. */
function CodeArea({
  id,
  field,
  script,
  label,
  onChange,
  onBlur,
}: {
  id: string
  field: string
  script: Script
  label: string
  onChange: (body: string) => void
  onBlur?: () => void
}) {
  const preRef = useRef<HTMLPreElement>(null)
  const tokens = useMemo(
    () =>
      script.language === 'execline' ? highlightExecline(script.body) : highlightSh(script.body),
    [script.body, script.language],
  )
  const rows = Math.min(Math.max(script.body.split('\n').length + 1, 3), 16)
  return (
    <>
      <div className="code-area" style={{ ['--rows' as string]: rows }}>
        <pre ref={preRef} className="code-highlight" aria-hidden="true">
          {tokens.map((t, i) => (
            <Fragment key={i}>
              {t.type === 'plain' ? t.text : <span className={`tok-${t.type}`}>{t.text}</span>}
            </Fragment>
          ))}
          {/* Keeps the last empty line as tall as in the textarea. */}
          {'\n'}
        </pre>
        <LiveTextArea
          id={id}
          data-field={field}
          className="code-input"
          aria-label={label}
          aria-describedby={`${id}-keys`}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          value={script.body}
          onValue={onChange}
          onBlur={onBlur}
          onScroll={(e) => {
            if (preRef.current) {
              preRef.current.scrollTop = e.currentTarget.scrollTop
              preRef.current.scrollLeft = e.currentTarget.scrollLeft
            }
          }}
          onKeyDown={(e) => {
            // Tab indents inside the script; Escape then Tab leaves the field.
            if (
              e.key === 'Tab' &&
              !e.shiftKey &&
              !e.ctrlKey &&
              !e.altKey &&
              !e.metaKey &&
              e.currentTarget.dataset.escaped !== '1'
            ) {
              e.preventDefault()
              typeInto(e.currentTarget, '  ')
            }
            e.currentTarget.dataset.escaped = e.key === 'Escape' ? '1' : '0'
          }}
        />
      </div>
      <p className="code-keys" id={`${id}-keys`}>
        <kbd>Tab</kbd> indents; <kbd>Esc</kbd>, then <kbd>Tab</kbd>, leaves the script
      </p>
    </>
  )
}

/**
 * A script field: language switch (sh, bash or execline) and the highlighted editor. With `optional`,
 * the script can be added and removed.
 */
export function ScriptEditor({
  id,
  label,
  field,
  script,
  optional,
  problems,
  onChange,
  onBlur,
}: {
  id: string
  label: string
  field: string
  script: Script | undefined
  optional?: boolean
  problems?: readonly Diagnostic[]
  onChange: (script: Script | undefined) => void
  onBlur?: () => void
}) {
  const setLanguage = (language: ScriptLanguage) => {
    if (script) onChange({ ...script, language })
  }
  const aside = script ? (
    <span className="field-aside">
      {/* One tab stop; the arrow keys choose (the radio group pattern). */}
      <span
        className="segmented"
        role="radiogroup"
        aria-label={`${label} language`}
        onKeyDown={tabKeys(LANGUAGES, script.language, setLanguage, `${id}-language-`)}
      >
        {LANGUAGES.map((l) => (
          <button
            key={l}
            id={`${id}-language-${l}`}
            type="button"
            role="radio"
            aria-checked={script.language === l}
            tabIndex={script.language === l ? 0 : -1}
            className="segment"
            onClick={() => setLanguage(l)}
          >
            {l}
          </button>
        ))}
      </span>
      {optional ? (
        <button type="button" className="link-button" onClick={() => onChange(undefined)}>
          Remove
        </button>
      ) : null}
    </span>
  ) : null
  return (
    <Field
      label={label}
      field={field}
      htmlFor={script ? id : undefined}
      problems={problems ?? []}
      aside={aside}
    >
      {script ? (
        <CodeArea
          id={id}
          field={field}
          script={script}
          label={`${label} script`}
          onChange={(body) => onChange({ ...script, body })}
          {...(onBlur ? { onBlur } : {})}
        />
      ) : (
        <button
          type="button"
          className="btn btn-default btn-sm add-script"
          data-field={field}
          onClick={() => onChange({ language: 'sh', body: '' })}
        >
          <span className="btn-label">Add {label.toLowerCase()} script</span>
        </button>
      )}
    </Field>
  )
}
