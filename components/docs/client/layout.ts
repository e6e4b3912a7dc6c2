/**
 * Small fixes to the static page once it is shown: the sidebar scrolled so that the current
 * page's link is in sight, and tables wider than the column made reachable from the keyboard
 * (a scrolling region is a tab stop with a name only when it does scroll).
 */
import { scrollWithin } from '@/components/ui/scroll-within'

/** Scrolls the sidebar (not the page) so that the current page's link is in sight. */
function currentLinkInSight(): void {
  const sidebar = document.getElementById('docs-sidebar')
  const link = sidebar?.querySelector<HTMLElement>('a[aria-current="page"]')
  if (sidebar && link) scrollWithin(link, 1 / 3, { box: sidebar, onlyIfHidden: true })
}

/** Tables that scroll sideways: focusable, named, and marked so CSS can hint at the rest. */
function scrollableTables(): void {
  for (const wrap of document.querySelectorAll<HTMLElement>('.table-scroll')) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1
    wrap.classList.toggle('is-scrollable', scrolls)
    if (scrolls) {
      wrap.tabIndex = 0
      wrap.setAttribute('role', 'region')
      wrap.setAttribute('aria-label', 'Table, scrolls sideways')
    } else {
      wrap.removeAttribute('tabindex')
      wrap.removeAttribute('role')
      wrap.removeAttribute('aria-label')
    }
  }
}

export function initLayout(): void {
  currentLinkInSight()
  scrollableTables()
  let pending = 0
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending)
    pending = requestAnimationFrame(scrollableTables)
  })
}
