/** The docs navigation behind the Menu button on phones; Escape or the scrim closes it. */
export function initMenu(): void {
  const button = document.querySelector<HTMLElement>('.docs-menu-button')
  const sidebar = document.getElementById('docs-sidebar')
  const scrim = document.querySelector<HTMLElement>('.docs-scrim')
  if (!button || !sidebar || !scrim) return
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open))
    if (open) sidebar.dataset.open = ''
    else delete sidebar.dataset.open
    scrim.hidden = !open
  }
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'))
  scrim.addEventListener('click', () => set(false))
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      set(false)
      button.focus()
    }
  })
  // A link to a part of this page closes the menu too (other links load another page).
  sidebar.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('a')) set(false)
  })
}
