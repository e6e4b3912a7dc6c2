import Link from 'next/link'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { SearchBox } from './search-box'

/** The same mark as the designer's top bar. */
function Logo() {
  return (
    <svg viewBox="0 0 28 28" width="26" height="26" aria-hidden="true" className="brand-logo">
      <rect width="28" height="28" rx="7" className="brand-logo-bg" />
      <text x="14" y="18.5" textAnchor="middle" className="brand-logo-text">
        s6
      </text>
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
