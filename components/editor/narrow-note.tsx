'use client'

import { useEffect, useRef } from 'react'

/** sessionStorage key: the note was hidden in this tab. */
const HIDDEN_KEY = 's6d-narrow-note-hidden'

/**
 * Under 1024 px (CSS shows it only there): the details panel is a drawer over the canvas (see
 * editor.css); the note says how to open it. Part of the static page, so it is painted with the first frame, not when the
 * designer has loaded. It can be hidden (for the tab's life): in a short window, a laptop at
 * 200% zoom say, its two lines are room the canvas needs.
 */
export function NarrowNote() {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    try {
      if (window.sessionStorage.getItem(HIDDEN_KEY) === '1' && ref.current)
        ref.current.hidden = true
    } catch {
      // No storage: the note shows until hidden on this page.
    }
  }, [])
  const hide = () => {
    if (ref.current) ref.current.hidden = true
    try {
      window.sessionStorage.setItem(HIDDEN_KEY, '1')
    } catch {
      // Hidden on this page only.
    }
  }
  return (
    <div ref={ref} className="narrow-note" role="note">
      <p>
        The designer is made for windows at least 1024 px wide. Here the details panel opens over
        the canvas: select a service, or press Details. The <a href="/docs/">docs</a> fit any
        screen.
      </p>
      <button type="button" className="narrow-note-hide" onClick={hide}>
        Hide
      </button>
    </div>
  )
}
