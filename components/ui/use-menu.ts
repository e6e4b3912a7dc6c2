'use client'

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'

const ITEMS = '[role="menuitem"]:not([disabled])'

/** What useMenu gives a dropdown: its open state, `close`, and the props of button and list. */
export type MenuState = ReturnType<typeof useMenu>

/**
 * The behaviour every dropdown menu shares: opening focuses the first item, arrow keys move
 * (Home and End to the first and last item),
 * Escape closes and gives the focus back to the button, Tab or a click outside closes.
 */
export function useMenu() {
  const [open, setOpen] = useState(false)
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    listRef.current?.querySelector<HTMLButtonElement>(ITEMS)?.focus()
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node
      if (!listRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) buttonRef.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const entries = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>(ITEMS) ?? [])
    const at = entries.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close(true)
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      entries[(at + step + entries.length) % entries.length]?.focus()
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus()
    } else if (e.key === 'Tab') {
      close(false)
    }
  }

  /** Props for the button that opens the menu. */
  const buttonProps = {
    ref: buttonRef,
    type: 'button' as const,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open,
    'aria-controls': open ? id : undefined,
    onClick: () => setOpen((o) => !o),
  }
  /** Props for the open list. */
  const listProps = { ref: listRef, id, role: 'menu' as const, onKeyDown }

  return { open, close, buttonProps, listProps }
}
