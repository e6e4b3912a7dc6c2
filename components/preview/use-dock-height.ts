'use client'

import { type KeyboardEvent, type PointerEvent, useCallback, useState } from 'react'

const KEY = 's6d-preview-height'
const MIN = 150
const DEFAULT = 300

function initial(): number {
  try {
    const saved = Number(localStorage.getItem(KEY))
    if (Number.isFinite(saved) && saved >= MIN) return saved
  } catch {
    // Private mode or no storage: the default height.
  }
  return DEFAULT
}

function clamp(h: number): number {
  const max = Math.max(MIN, (typeof window === 'undefined' ? 800 : window.innerHeight) - 200)
  return Math.round(Math.min(max, Math.max(MIN, h)))
}

/**
 * The preview dock's height, changed by dragging its top edge (or with the arrow keys on it),
 * kept in localStorage between visits.
 */
export function useDockHeight() {
  const [height, setHeight] = useState(() => clamp(initial()))
  const save = useCallback((h: number) => {
    setHeight(h)
    try {
      localStorage.setItem(KEY, String(h))
    } catch {
      // Not saved; the height still applies now.
    }
  }, [])
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      e.preventDefault()
      const startY = e.clientY
      const startH = height
      const target = e.currentTarget
      target.setPointerCapture(e.pointerId)
      const move = (ev: globalThis.PointerEvent) => setHeight(clamp(startH + startY - ev.clientY))
      const up = (ev: globalThis.PointerEvent) => {
        target.removeEventListener('pointermove', move)
        target.removeEventListener('pointerup', up)
        save(clamp(startH + startY - ev.clientY))
      }
      target.addEventListener('pointermove', move)
      target.addEventListener('pointerup', up)
    },
    [height, save],
  )
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const step = e.shiftKey ? 80 : 20
      if (e.key === 'ArrowUp') save(clamp(height + step))
      else if (e.key === 'ArrowDown') save(clamp(height - step))
      else return
      e.preventDefault()
    },
    [height, save],
  )
  return { height, min: MIN, onPointerDown, onKeyDown }
}
