import {
  applyTheme,
  currentTheme,
  nextTheme,
  themeButtonText,
  type ThemeChoice,
} from '@/components/ui/theme'

function label(button: HTMLElement, theme: ThemeChoice): void {
  const { label, title } = themeButtonText(theme)
  button.setAttribute('aria-label', label)
  button.title = title
  button.dataset.themeChoice = theme
}

/** The header's theme button: cycles system → light → dark, like the designer's. */
export function initThemeToggle(): void {
  for (const button of document.querySelectorAll<HTMLElement>('[data-theme-toggle]')) {
    label(button, currentTheme())
    button.addEventListener('click', () => {
      const theme = nextTheme(currentTheme())
      applyTheme(theme)
      label(button, theme)
    })
  }
}
