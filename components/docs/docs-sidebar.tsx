'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useState } from 'react'
import { DOCS_NAV, itemHref } from '@/lib/docs/nav'

/** Whether `href` is the page at `pathname` (or, for the diagnostics index, one of its pages). */
function isActive(href: string, pathname: string): boolean {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  if (href === '/docs/diagnostics/') return path.startsWith(href)
  return path === href
}

/**
 * The docs navigation: a fixed column on wide screens, a menu behind a button on phones
 * (closed again on every navigation).
 */
export function DocsSidebar() {
  const pathname = usePathname() ?? '/docs/'
  const [open, setOpen] = useState(false)
  const [shownFor, setShownFor] = useState(pathname)
  if (shownFor !== pathname) {
    setShownFor(pathname)
    setOpen(false)
  }
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  const current = DOCS_NAV.flatMap((s) => s.items).find((i) => isActive(itemHref(i), pathname))
  return (
    <>
      <div className="docs-mobilebar">
        <button
          type="button"
          className="docs-menu-button"
          aria-expanded={open}
          aria-controls="docs-sidebar"
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              d={open ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16'}
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
          Menu
        </button>
        <span className="docs-mobilebar-title">{current?.title ?? 'Docs'}</span>
      </div>
      <aside id="docs-sidebar" className="docs-sidebar" data-open={open || undefined}>
        <nav aria-label="Docs">
          {DOCS_NAV.map((section) => (
            <div key={section.title} className="nav-section">
              <p className="nav-section-title">{section.title}</p>
              <ul>
                {section.items.map((item) => {
                  const href = itemHref(item)
                  const active = isActive(href, pathname)
                  return (
                    <li key={href}>
                      <Link
                        href={href}
                        className="nav-link"
                        aria-current={active ? 'page' : undefined}
                        prefetch={false}
                      >
                        {item.title}
                      </Link>
                    </li>
                  )
                })}
              </ul>
            </div>
          ))}
        </nav>
      </aside>
      {open ? (
        <div className="docs-scrim" onClick={() => setOpen(false)} aria-hidden="true" />
      ) : null}
    </>
  )
}
