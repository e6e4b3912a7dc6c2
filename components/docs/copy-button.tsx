'use client'

import { useEffect, useRef, useState } from 'react'

/**
 * Copies the text of the code block it sits in (its `.code-block` ancestor's `pre`), so the
 * code is not shipped twice in the page.
 */
export function CopyButton() {
  const ref = useRef<HTMLButtonElement>(null)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 1600)
    return () => clearTimeout(t)
  }, [state])

  async function copy() {
    const pre = ref.current?.closest('.code-block')?.querySelector('pre')
    const text = pre?.innerText ?? ''
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ''))
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  const label = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'
  return (
    <button
      ref={ref}
      type="button"
      className="copy-button"
      data-state={state}
      onClick={copy}
      aria-label={state === 'idle' ? 'Copy code' : label}
    >
      <svg
        viewBox="0 0 24 24"
        width="14"
        height="14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        {state === 'copied' ? (
          <path d="M20 6 9 17l-5-5" />
        ) : (
          <>
            <rect x="9" y="9" width="12" height="12" rx="2" />
            <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
          </>
        )}
      </svg>
      <span>{label}</span>
    </button>
  )
}
