'use client'

import type { ReactNode } from 'react'
import { Icon } from '@/components/ui/icons'
import { useMenu } from '@/components/ui/use-menu'

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
  const { open, close, buttonProps, listProps } = useMenu()
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

  return (
    <div className="menu">
      <button
        {...buttonProps}
        className="btn btn-ghost btn-md"
        aria-busy={busy}
        title="Import a zip, a folder or a graph file; or drop one on the page"
      >
        <Icon name="upload" size={15} />
        <span className="btn-label">{busy ? 'Importing…' : 'Import'}</span>
      </button>
      {open ? (
        <div {...listProps} aria-label="Import" className="menu-list menu-end import-menu">
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
