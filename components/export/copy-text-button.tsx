'use client'

import { useEffect, useState } from 'react'
import { Icon } from '@/components/ui/icons'

/**
 * Copies a text to the clipboard and says so for a moment. `text` may be a function, so a big
 * text is only built when the button is pressed.
 */
export function CopyTextButton({
  text,
  label = 'Copy',
  title,
  className,
}: {
  text: string | (() => string)
  label?: string
  title?: string
  className?: string
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 1600)
    return () => clearTimeout(t)
  }, [state])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'function' ? text() : text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  const shown = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-sm copy-text${className ? ` ${className}` : ''}`}
      data-state={state}
      title={title}
      aria-label={state === 'idle' ? (title ?? label) : shown}
      onClick={() => void copy()}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
      <span className="btn-label">{shown}</span>
    </button>
  )
}
