'use client'

import { useSyncExternalStore } from 'react'
import { Icon, type IconName } from './icons'
import { applyTheme, currentTheme, nextTheme, themeButtonText, type ThemeChoice } from './theme'

export type { ThemeChoice } from './theme'

export const THEME_ICONS: Record<ThemeChoice, IconName> = {
  system: 'monitor',
  light: 'sun',
  dark: 'moon',
}

const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Sets the theme on <html>, remembers it, and updates every toggle. */
export function setTheme(theme: ThemeChoice): void {
  applyTheme(theme)
  for (const l of listeners) l()
}

/** A button cycling system → light → dark. */
export function ThemeToggle({ className }: { className?: string }) {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'system' as ThemeChoice)
  const { label, title } = themeButtonText(theme)
  return (
    <button
      type="button"
      className={['btn', 'btn-ghost', 'btn-md', 'btn-icon', className ?? ''].join(' ').trim()}
      aria-label={label}
      title={title}
      data-theme-choice={theme}
      onClick={() => setTheme(nextTheme(theme))}
    >
      <Icon name={THEME_ICONS[theme]} size={15} />
    </button>
  )
}
