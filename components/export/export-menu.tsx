'use client'

import { Icon, type IconName } from '@/components/ui/icons'
import { useMenu } from '@/components/ui/use-menu'

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
  const { open, close, buttonProps, listProps } = useMenu()
  return (
    <div className="menu export-menu">
      <button
        {...buttonProps}
        className="btn btn-primary btn-md btn-icon export-menu-button"
        aria-label="More export options"
        title="Copy the Dockerfile stage or the install command"
      >
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div {...listProps} aria-label="Export options" className="menu-list menu-end">
          <div className="menu-heading">Copy to the clipboard</div>
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
