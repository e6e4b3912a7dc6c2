'use client'

import type { ReactNode } from 'react'
import { Icon, type IconName } from './icons'
import { useMenu } from './use-menu'

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
  const { open, close, buttonProps, listProps } = useMenu()

  return (
    <div className="menu">
      <button {...buttonProps} className="btn btn-ghost btn-md" aria-label={ariaLabel}>
        {icon ? <Icon name={icon} size={15} /> : null}
        <span className="btn-label">{label}</span>
        <Icon name="chevronDown" size={13} className="menu-chevron" />
      </button>
      {open ? (
        <div {...listProps} aria-label={ariaLabel} className={`menu-list menu-${align}`}>
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
