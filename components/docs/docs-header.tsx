import { Icon } from '@/components/ui/icons'
import { THEME_ICONS } from '@/components/ui/theme-toggle'
import { THEME_ORDER } from '@/components/ui/theme'
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

/**
 * The theme button of a docs page: all three icons, the CSS shows the one of <html data-theme>;
 * the docs script (client/theme.ts) cycles the choice and keeps the label in step.
 */
function ThemeButton() {
  return (
    <button
      type="button"
      className="btn btn-ghost btn-md btn-icon icon-button"
      data-theme-toggle=""
      aria-label="Theme"
    >
      {THEME_ORDER.map((t) => (
        <span key={t} className="theme-icon" data-theme-icon={t}>
          <Icon name={THEME_ICONS[t]} size={15} />
        </span>
      ))}
    </button>
  )
}

/** The docs' top bar: brand, search, the way back to the designer, theme. */
export function DocsHeader() {
  return (
    <header className="docs-header">
      <div className="docs-header-inner">
        <a href="/docs/" className="brand">
          <Logo />
          <span className="brand-name">s6 Designer</span>
          <span className="brand-tag">Docs</span>
        </a>
        <SearchBox />
        <nav className="header-links" aria-label="Site">
          <a href="/" className="header-link header-link-primary">
            Designer
          </a>
          <a
            href="https://github.com/just-containers/s6-overlay"
            className="header-link header-link-external"
            target="_blank"
            rel="noreferrer"
          >
            s6-overlay
          </a>
        </nav>
        <ThemeButton />
      </div>
    </header>
  )
}
