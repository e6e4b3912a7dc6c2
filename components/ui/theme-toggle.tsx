'use client'

import { useSyncExternalStore } from 'react'
import { Icon, type IconName } from './icons'

export type ThemeChoice = 'light' | 'dark' | 'system'

const KEY = 's6d-theme'
const ORDER: ThemeChoice[] = ['system', 'light', 'dark']
const ICONS: Record<ThemeChoice, IconName> = { system: 'monitor', light: 'sun', dark: 'moon' }
const LABELS: Record<ThemeChoice, string> = {
  system: 'Theme: follow the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
}

const listeners = new Set<() => void>()

function current(): ThemeChoice {
  const t = document.documentElement.dataset.theme
  return t === 'light' || t === 'dark' ? t : 'system'
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Sets the theme on <html> and remembers it (the inline script in app/layout.tsx reads it). */
export function setTheme(theme: ThemeChoice): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l()
}

/** A button cycling system → light → dark. */
export function ThemeToggle({ className }: { className?: string }) {
  const theme = useSyncExternalStore(subscribe, current, () => 'system' as ThemeChoice)
  const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length] as ThemeChoice
  return (
    <button
      type="button"
      className={['btn', 'btn-ghost', 'btn-md', 'btn-icon', className ?? ''].join(' ').trim()}
      aria-label={`${LABELS[theme]}. Switch to ${next}.`}
      title={`${LABELS[theme]} (click for ${next})`}
      data-theme-choice={theme}
      onClick={() => setTheme(next)}
    >
      <Icon name={ICONS[theme]} size={15} />
    </button>
  )
}
