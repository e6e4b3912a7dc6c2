'use client'

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { Icon, type IconName } from '@/components/ui/icons'

export interface ExportMenuItem {
  id: string
  label: string
  description: string
  icon: IconName
  onSelect: () => void
}

/**
 * The small arrow beside "Download zip": a menu of copy actions. Arrow keys move, Enter picks,
 * Escape closes and gives the focus back.
 */
export function ExportMenu({ items }: { items: ExportMenuItem[] }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    list.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node
      if (!list.current?.contains(t) && !button.current?.contains(t)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [open])
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [
      ...(list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ]
    const at = entries.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      entries[(at + step + entries.length) % entries.length]?.focus()
    } else if (e.key === 'Tab') setOpen(false)
  }
  return (
    <div className="menu export-menu">
      <button
        ref={button}
        type="button"
        className="btn btn-primary btn-md btn-icon export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label="More export options"
        title="Copy the Dockerfile stage or the install command"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label="Export options"
          className="menu-list menu-end"
          onKeyDown={onKeyDown}
        >
          <div className="menu-heading">Copy to the clipboard</div>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                close()
                item.onSelect()
              }}
            >
              <Icon name={item.icon} size={15} className="menu-item-icon" />
              <span className="menu-item-text">
                <span className="menu-item-label">{item.label}</span>
                <span className="menu-item-desc">{item.description}</span>
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
