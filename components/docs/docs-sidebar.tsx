import { DOCS_NAV, itemHref } from '@/lib/docs/nav'

/** Whether `href` is the page at `pathname` (or, for the diagnostics index, one of its pages). */
export function isActive(href: string, pathname: string): boolean {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  if (href === '/docs/diagnostics/') return path.startsWith(href)
  return path === href
}

/**
 * The docs navigation: a fixed column on wide screens, a menu behind a button on phones
 * (opened and closed by the docs script, client/menu.ts).
 */
export function DocsSidebar({ activeHref }: { activeHref: string }) {
  const current = DOCS_NAV.flatMap((s) => s.items).find((i) => isActive(itemHref(i), activeHref))
  return (
    <>
      <div className="docs-mobilebar">
        <button
          type="button"
          className="docs-menu-button"
          aria-expanded="false"
          aria-controls="docs-sidebar"
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              className="menu-icon-open"
              d="M4 7h16M4 12h16M4 17h16"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
            <path
              className="menu-icon-close"
              d="M6 6l12 12M18 6 6 18"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
          Menu
        </button>
        <span className="docs-mobilebar-title">{current?.title ?? 'Docs'}</span>
      </div>
      <aside id="docs-sidebar" className="docs-sidebar" aria-label="Documentation pages">
        <nav aria-label="Docs">
          {DOCS_NAV.map((section) => (
            <div key={section.title} className="nav-section">
              <p className="nav-section-title">{section.title}</p>
              <ul>
                {section.items.map((item) => {
                  const href = itemHref(item)
                  return (
                    <li key={href}>
                      <a
                        href={href}
                        className="nav-link"
                        aria-current={isActive(href, activeHref) ? 'page' : undefined}
                      >
                        {item.title}
                      </a>
                    </li>
                  )
                })}
              </ul>
            </div>
          ))}
        </nav>
        {/* The header's s6-overlay link, which narrow windows have no room for. */}
        <a
          href="https://github.com/just-containers/s6-overlay"
          className="nav-link nav-link-external"
          target="_blank"
          rel="noreferrer"
        >
          s6-overlay on GitHub
        </a>
      </aside>
      <div className="docs-scrim" aria-hidden="true" hidden />
    </>
  )
}
