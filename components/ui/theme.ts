/**
 * The colour theme, shared by the designer's React toggle and the docs pages' script: the
 * choice lives in localStorage and on <html data-theme>, which the CSS reads.
 */
export type ThemeChoice = 'light' | 'dark' | 'system'

export const THEME_KEY = 's6d-theme'
export const THEME_ORDER: readonly ThemeChoice[] = ['system', 'light', 'dark']
export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Theme: follow the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
}

/**
 * Runs inline before the first paint (in both root documents) so a dark theme never flashes
 * light. Must stay in step with THEME_KEY.
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem('${THEME_KEY}');document.documentElement.dataset.theme=t==='light'||t==='dark'?t:'system'}catch(e){document.documentElement.dataset.theme='system'}`

export function currentTheme(): ThemeChoice {
  const t = document.documentElement.dataset.theme
  return t === 'light' || t === 'dark' ? t : 'system'
}

export function nextTheme(theme: ThemeChoice): ThemeChoice {
  return THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length] as ThemeChoice
}

/** What the toggle button says for a theme. */
export function themeButtonText(theme: ThemeChoice): { label: string; title: string } {
  const next = nextTheme(theme)
  return {
    label: `${THEME_LABELS[theme]}. Switch to ${next}.`,
    title: `${THEME_LABELS[theme]} (click for ${next})`,
  }
}

/** Sets the theme on <html> and remembers it. */
export function applyTheme(theme: ThemeChoice): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(THEME_KEY, theme)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
