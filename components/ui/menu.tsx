'use client'

import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Icon, type IconName } from './icons'

export interface MenuItem {
  id: string
  label: string
  description?: string
  icon?: IconName
  disabled?: boolean
  onSelect: () => void
}

/** A dropdown menu button: arrow keys move, Enter picks, Escape closes, focus returns. */
export function Menu({
  label,
  icon,
  items,
  ariaLabel,
  align = 'start',
  heading,
}: {
  label: ReactNode
  icon?: IconName
  items: MenuItem[]
  ariaLabel: string
  align?: 'start' | 'end'
  heading?: string
}) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const first = listRef.current?.querySelector<HTMLButtonElement>(
      '[role="menuitem"]:not([disabled])',
    )
    first?.focus()
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

  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = Array.from(
      listRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ??
        [],
    )
    const at = entries.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close(true)
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      entries[(at + 1) % entries.length]?.focus()
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      entries[(at - 1 + entries.length) % entries.length]?.focus()
    } else if (e.key === 'Tab') {
      close(false)
    }
  }

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-ghost btn-md"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {icon ? <Icon name={icon} size={15} /> : null}
        <span className="btn-label">{label}</span>
        <Icon name="chevronDown" size={13} className="menu-chevron" />
      </button>
      {open ? (
        <div
          ref={listRef}
          id={id}
          role="menu"
          aria-label={ariaLabel}
          className={`menu-list menu-${align}`}
          onKeyDown={onKeyDown}
        >
          {heading ? <div className="menu-heading">{heading}</div> : null}
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={item.disabled}
              onClick={() => {
                close(true)
                item.onSelect()
              }}
            >
              {item.icon ? <Icon name={item.icon} size={15} className="menu-item-icon" /> : null}
              <span className="menu-item-text">
                <span className="menu-item-label">{item.label}</span>
                {item.description ? (
                  <span className="menu-item-desc">{item.description}</span>
                ) : null}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
