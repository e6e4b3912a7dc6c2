'use client'

import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Icon } from '@/components/ui/icons'

interface Item {
  id: string
  label: string
  description: string
  icon: ReactNode
  onSelect: () => void
}

/** The Import dropdown: a file, a folder, or a recent design; arrow keys, Enter, Escape. */
export function ImportMenu({
  busy,
  onFile,
  onFolder,
  onRecent,
}: {
  busy: boolean
  onFile: () => void
  onFolder: () => void
  onRecent: () => void
}) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const items: Item[] = [
    {
      id: 'file',
      label: 'Zip or graph file…',
      description: 'An s6 Designer export, a zip of an s6-rc.d or image root, a .s6graph.json',
      icon: <Icon name="archive" size={15} />,
      onSelect: onFile,
    },
    {
      id: 'folder',
      label: 'Folder…',
      description: 'An s6-rc.d, or an image root holding etc/s6-overlay',
      icon: <Icon name="folder" size={15} />,
      onSelect: onFolder,
    },
    {
      id: 'recent',
      label: 'Recent designs…',
      description: 'Designs a link, an import or an example replaced',
      icon: <Icon name="clock" size={15} />,
      onSelect: onRecent,
    },
  ]

  useEffect(() => {
    if (!open) return
    listRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
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
      listRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [],
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
        aria-busy={busy}
        title="Import a zip, a folder or a graph file; or drop one on the page"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="upload" size={15} />
        <span className="btn-label">{busy ? 'Importing…' : 'Import'}</span>
      </button>
      {open ? (
        <div
          ref={listRef}
          id={id}
          role="menu"
          aria-label="Import"
          className="menu-list menu-end import-menu"
          onKeyDown={onKeyDown}
        >
          <div className="menu-heading">Open a design</div>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
                close(true)
                item.onSelect()
              }}
            >
              <span className="menu-item-icon">{item.icon}</span>
              <span className="menu-item-text">
                <span className="menu-item-label">{item.label}</span>
                <span className="menu-item-desc">{item.description}</span>
              </span>
            </button>
          ))}
          <p className="import-menu-hint">
            Or drop a zip, a folder or a graph file anywhere on the page.
          </p>
        </div>
      ) : null}
    </div>
  )
}
