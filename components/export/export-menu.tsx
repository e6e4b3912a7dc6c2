'use client'

import { Icon } from '@/components/ui/icons'
import { type MenuItem, MenuList } from '@/components/ui/menu'
import { useMenu } from '@/components/ui/use-menu'

/**
 * The small arrow beside "Download zip": a menu of copy actions. Arrow keys move, Enter picks,
 * Escape closes and gives the focus back.
 */
export function ExportMenu({ items }: { items: MenuItem[] }) {
  const menu = useMenu()
  return (
    <div className="menu export-menu">
      <button
        {...menu.buttonProps}
        className="btn btn-primary btn-md btn-icon export-menu-button"
        aria-label="More export options"
        title="Copy the Dockerfile stage or the install command"
      >
        <Icon name="chevronDown" size={14} />
      </button>
      {menu.open ? (
        <MenuList
          menu={menu}
          items={items}
          ariaLabel="Export options"
          className="menu-end"
          heading="Copy to the clipboard"
        />
      ) : null}
    </div>
  )
}
