import Link from 'next/link'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { SearchBox } from './search-box'

function Logo() {
  return (
    <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" className="brand-logo">
      <rect x="1" y="1" width="30" height="30" rx="8" className="brand-logo-bg" />
      <path d="M10 11.5h5.5M10 20.5h5.5M16 11.5c3 0 3 9 6 9" className="brand-logo-edge" />
      <circle cx="9" cy="11.5" r="3" className="brand-logo-oneshot" />
      <circle cx="9" cy="20.5" r="3" className="brand-logo-oneshot" />
      <circle cx="23" cy="20.5" r="3.4" className="brand-logo-longrun" />
    </svg>
  )
}

/** The docs' top bar: brand, search, the way back to the designer, theme. */
export function DocsHeader() {
  return (
    <header className="docs-header">
      <div className="docs-header-inner">
        <Link href="/docs/" className="brand" prefetch={false}>
          <Logo />
          <span className="brand-name">s6 Designer</span>
          <span className="brand-tag">Docs</span>
        </Link>
        <SearchBox />
        <nav className="header-links" aria-label="Site">
          {/* No prefetch: the designer is a heavier app than a docs page. */}
          <Link href="/" className="header-link header-link-primary" prefetch={false}>
            Designer
          </Link>
          <a
            href="https://github.com/just-containers/s6-overlay"
            className="header-link header-link-external"
            target="_blank"
            rel="noreferrer"
          >
            s6-overlay
          </a>
        </nav>
        {/* The designer's toggle: same storage key and attribute, styled by docs.css here. */}
        <ThemeToggle className="icon-button" />
      </div>
    </header>
  )
}
