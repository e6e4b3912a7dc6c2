'use client'

import {
  type SyntheticEvent,
  type TextareaHTMLAttributes,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react'

type Props = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'value' | 'defaultValue' | 'onChange'
> & {
  value: string
  /** The text after each edit in the field (typing, pasting, the field's own undo). */
  onValue: (text: string) => void
}

type Handler = (event: SyntheticEvent<HTMLTextAreaElement>) => void

/**
 * A textarea that React leaves alone while the user types. React writes a textarea's default
 * value (its text content) at every render, and each write ends Chromium's typing group, so the
 * field's own undo (Ctrl+Z in it) took back one character at a time. Here the element is
 * rendered again only when an attribute changes, its handlers call the latest props, and
 * `value` is written into it only when it changed elsewhere (an undo of the design, another
 * service shown in the same place).
 */
export function LiveTextArea({ value, onValue, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const latest = useRef({ rest, onValue })
  useLayoutEffect(() => {
    latest.current = { rest, onValue }
  })
  useLayoutEffect(() => {
    const el = ref.current
    if (el && el.value !== value) el.value = value
  }, [value])
  const attributes: Record<string, unknown> = {}
  const events: string[] = []
  for (const [key, v] of Object.entries(rest)) {
    if (typeof v === 'function') events.push(key)
    else attributes[key] = v
  }
  const identity = `${JSON.stringify(attributes)} ${events.join(' ')}`
  return useMemo(() => {
    const handlers: Record<string, Handler> = {}
    for (const key of events)
      handlers[key] = (e) => (latest.current.rest as Record<string, Handler | undefined>)[key]?.(e)
    return (
      <textarea
        ref={ref}
        {...attributes}
        {...handlers}
        onChange={(e) => latest.current.onValue(e.target.value)}
      />
    )
    // Rendered again only when the attributes or the set of handlers change (see above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [identity])
}

/**
 * Types `text` into a field at its selection as the user would, so that the field's own undo
 * takes it back (setting `value` from script would empty the field's undo history).
 */
export function typeInto(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  el.focus()
  // execCommand is the one way to edit a field undoably; if a browser refuses, edit it plainly.
  if (document.execCommand('insertText', false, text)) return
  el.setRangeText(text, el.selectionStart ?? 0, el.selectionEnd ?? 0, 'end')
  el.dispatchEvent(new Event('input', { bubbles: true }))
}
