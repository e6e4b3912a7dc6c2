'use client'

import { useEffect, useState } from 'react'

type Theme = 'system' | 'light' | 'dark'

/** Same key and attribute as the designer, so a choice made on one side holds on the other. */
const STORAGE_KEY = 's6d-theme'

function apply(theme: Theme) {
  document.documentElement.dataset.theme = theme
}

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const LABEL: Record<Theme, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
}

/**
 * Cycles system → light → dark. Stand-in until the designer's ThemeToggle
 * (components/ui/theme-toggle.tsx) exists; same storage key and html attribute.
 */
export function DocsThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system')
  useEffect(() => {
    const saved = localStorage.getItem(STORAGE_KEY)
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after hydration
    if (saved === 'light' || saved === 'dark') setTheme(saved)
  }, [])
  function cycle() {
    const next = NEXT[theme]
    setTheme(next)
    apply(next)
    if (next === 'system') localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, next)
  }
  return (
    <button
      type="button"
      className="icon-button"
      onClick={cycle}
      aria-label={`${LABEL[theme]} (switch to ${LABEL[NEXT[theme]].toLowerCase()})`}
      title={LABEL[theme]}
      data-theme-choice={theme}
    >
      <svg
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        {theme === 'light' ? (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        ) : theme === 'dark' ? (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
        ) : (
          <>
            <rect x="3" y="4" width="18" height="12" rx="2" />
            <path d="M8 20h8M12 16v4" />
          </>
        )}
      </svg>
    </button>
  )
}
