'use client'

import type { ReactNode } from 'react'
import { Icon, type IconName } from './icons'
import { type MenuState, useMenu } from './use-menu'

export interface MenuItem {
  id: string
  label: string
  description?: string
  icon?: IconName
  disabled?: boolean
  onSelect: () => void
}

/**
 * The open list of a dropdown: an optional heading, one menu item per entry (picking one
 * closes the menu, focus back on the button, then runs it), and optional text below.
 */
export function MenuList({
  menu,
  items,
  ariaLabel,
  className,
  heading,
  children,
}: {
  menu: Pick<MenuState, 'close' | 'listProps'>
  items: MenuItem[]
  ariaLabel: string
  className: string
  heading?: string
  children?: ReactNode
}) {
  return (
    <div {...menu.listProps} aria-label={ariaLabel} className={`menu-list ${className}`}>
      {heading ? <div className="menu-heading">{heading}</div> : null}
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={item.disabled}
          onClick={() => {
            menu.close(true)
            item.onSelect()
          }}
        >
          {item.icon ? <Icon name={item.icon} size={15} className="menu-item-icon" /> : null}
          <span className="menu-item-text">
            <span className="menu-item-label">{item.label}</span>
            {item.description ? <span className="menu-item-desc">{item.description}</span> : null}
          </span>
        </button>
      ))}
      {children}
    </div>
  )
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
  const menu = useMenu()
  return (
    <div className="menu">
      <button
        {...menu.buttonProps}
        className="btn btn-ghost btn-md"
        aria-label={ariaLabel}
        title={ariaLabel}
      >
        {icon ? <Icon name={icon} size={15} /> : null}
        <span className="btn-label">{label}</span>
        <Icon name="chevronDown" size={13} className="menu-chevron" />
      </button>
      {menu.open ? (
        <MenuList
          menu={menu}
          items={items}
          ariaLabel={ariaLabel}
          className={`menu-${align}`}
          heading={heading}
        />
      ) : null}
    </div>
  )
}
