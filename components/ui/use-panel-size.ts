'use client'

import { type KeyboardEvent, type PointerEvent, useCallback, useState } from 'react'

export interface PanelSizeOptions {
  /** localStorage key the size is kept under between visits. */
  key: string
  min: number
  /** The largest size now (the window may have changed since the size was saved). */
  max: () => number
  /**
   * `y`: a dock at the bottom, resized by its top edge (dragging up or ArrowUp grows it).
   * `x`: a panel on the right, resized by its left edge (dragging left or ArrowLeft grows it).
   */
  axis: 'x' | 'y'
}

function saved(key: string, min: number): number | undefined {
  try {
    const raw = localStorage.getItem(key)
    const value = raw === null ? NaN : Number(raw)
    if (Number.isFinite(value) && value >= min) return value
  } catch {
    // Private mode or no storage: the default size.
  }
  return undefined
}

/**
 * The size of a resizable panel, changed by dragging its edge (a `role="separator"` element
 * given `onPointerDown`) or with the arrow keys on that edge (Shift for bigger steps), kept in
 * localStorage. `size` is undefined until the user resizes (the stylesheet's default applies);
 * `reset` goes back to it. `current` reads the size the panel has on screen when a drag starts.
 */
export function usePanelSize(options: PanelSizeOptions, current: () => number) {
  const { key, min, max, axis } = options
  const clamp = useCallback(
    (size: number) => Math.round(Math.min(Math.max(min, max()), Math.max(min, size))),
    [min, max],
  )
  const [size, setSize] = useState<number | undefined>(() => {
    const value = typeof window === 'undefined' ? undefined : saved(key, min)
    return value === undefined ? undefined : clamp(value)
  })
  const save = useCallback(
    (next: number | undefined) => {
      setSize(next)
      try {
        if (next === undefined) localStorage.removeItem(key)
        else localStorage.setItem(key, String(next))
      } catch {
        // Not saved; the size still applies now.
      }
    },
    [key],
  )
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return
      e.preventDefault()
      const at = (ev: { clientX: number; clientY: number }) =>
        axis === 'y' ? ev.clientY : ev.clientX
      const start = at(e)
      const from = size ?? current()
      const target = e.currentTarget
      target.setPointerCapture(e.pointerId)
      const move = (ev: globalThis.PointerEvent) => setSize(clamp(from + start - at(ev)))
      const up = (ev: globalThis.PointerEvent) => {
        target.removeEventListener('pointermove', move)
        target.removeEventListener('pointerup', up)
        save(clamp(from + start - at(ev)))
      }
      target.addEventListener('pointermove', move)
      target.addEventListener('pointerup', up)
    },
    [axis, size, current, clamp, save],
  )
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const step = e.shiftKey ? 80 : 20
      const grow = axis === 'y' ? 'ArrowUp' : 'ArrowLeft'
      const shrink = axis === 'y' ? 'ArrowDown' : 'ArrowRight'
      const from = size ?? current()
      if (e.key === grow) save(clamp(from + step))
      else if (e.key === shrink) save(clamp(from - step))
      else if (e.key === 'Home') save(min)
      else if (e.key === 'End') save(clamp(max()))
      else return
      e.preventDefault()
    },
    [axis, size, current, clamp, save, min, max],
  )
  const reset = useCallback(() => save(undefined), [save])
  return { size, min, onPointerDown, onKeyDown, reset }
}
