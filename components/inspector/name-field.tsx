'use client'

import { useEffect, useRef, useState } from 'react'
import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import type { ServiceName } from '@/lib/graph/types'
import { nameProblem } from '@/lib/graph/validate'
import { Field } from './field'
import { useFieldProblems } from './use-field-problems'

/**
 * The service's name. Problems show as you type; the rename (which updates every reference)
 * happens on Enter or when the field loses focus, and only when the name is valid.
 */
export function NameField({ name }: { name: ServiceName }) {
  const store = useEditorStoreApi()
  const [text, setText] = useState(name)
  const [local, setLocal] = useState<string | undefined>()
  const [seen, setSeen] = useState(name)
  if (seen !== name) {
    setSeen(name)
    setText(name)
    setLocal(undefined)
  }
  const problems = useFieldProblems(name, 'name')
  // Read the graph only when checking, so the field does not re-render on every graph change.
  const check = (value: string) =>
    value === name
      ? undefined
      : value.trim() === ''
        ? 'A name is required.'
        : nameProblem(store.getState().graph, value, name)
  /** Renames; `next` is where the focus is going (a blur), none for Enter. */
  const commit = (next?: EventTarget | null) => {
    if (text === name) return
    const problem = check(text)
    if (problem !== undefined) {
      // Leaving the field (the inspector may close with it): say why nothing was renamed.
      if (next !== undefined)
        store
          .getState()
          .showNotice({ message: `${name} was not renamed: ${problem}`, tone: 'error' })
      return
    }
    if (!store.getState().renameService(name, text)) {
      setText(name)
      return
    }
    // The inspector is rebuilt for the new name: put the focus back where the user put it.
    const field =
      next === undefined
        ? 'name'
        : next instanceof HTMLElement
          ? next.closest('.inspector [data-field]')?.getAttribute('data-field')
          : undefined
    if (field) store.getState().requestFocus(field, text)
  }
  // A valid name typed but not yet confirmed is work too: it is applied when the page is hidden
  // (reload, close, another tab), before the autosave writes (capture listeners run first).
  const pending = useRef<() => void>(undefined)
  useEffect(() => {
    pending.current = () => {
      if (text !== name && check(text) === undefined) store.getState().renameService(name, text)
    }
  })
  useEffect(() => {
    const onHide = () => pending.current?.()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide()
    }
    window.addEventListener('pagehide', onHide, { capture: true })
    document.addEventListener('visibilitychange', onVisibility, { capture: true })
    return () => {
      window.removeEventListener('pagehide', onHide, { capture: true })
      document.removeEventListener('visibilitychange', onVisibility, { capture: true })
    }
  }, [])
  const fixed = name === USER_BUNDLE
  return (
    <Field
      label="Name"
      field="name"
      htmlFor="f-name"
      problems={problems}
      local={local}
      {...(fixed
        ? {
            help: 'The user bundle is s6-overlay’s own: it lists what starts at boot. It cannot be renamed.',
          }
        : {})}
    >
      <input
        id="f-name"
        data-field="name"
        className="input input-name"
        value={text}
        readOnly={fixed}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={local !== undefined}
        onChange={(e) => {
          setText(e.target.value)
          setLocal(check(e.target.value))
        }}
        onBlur={(e) => commit(e.relatedTarget)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit()
          } else if (e.key === 'Escape' && text !== name) {
            // A first Escape drops the rename typed; the next goes back to the canvas.
            e.preventDefault()
            setText(name)
            setLocal(undefined)
          }
        }}
      />
    </Field>
  )
}
