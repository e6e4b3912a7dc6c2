import { ISLAND_READY, type IslandName, type IslandProps } from '@/components/docs/live/islands'
import type { ReactNode } from 'react'

/** Each island's module, in its own chunk: a page downloads only the widgets it shows. */
const VIEWS: { [N in IslandName]: () => Promise<{ view: (props: IslandProps[N]) => ReactNode }> } =
  {
    'graph-preview': () => import('./islands/graph-preview'),
    'order-simulator': () => import('./islands/order-simulator'),
    'file-explorer': () => import('./islands/file-explorer'),
  }

function isIslandName(name: string | undefined): name is IslandName {
  return name !== undefined && Object.hasOwn(VIEWS, name)
}

/** Renders the island with React, in place of the HTML the build wrote for it. */
async function mount(el: HTMLElement): Promise<void> {
  const name = el.dataset.island
  if (!isIslandName(name)) return
  let props: IslandProps[typeof name]
  try {
    props = JSON.parse(el.dataset.props ?? '{}') as IslandProps[typeof name]
  } catch {
    return // The build wrote the props; if they do not parse the static HTML stays.
  }
  const [{ render }, { view }] = await Promise.all([import('./react-root'), VIEWS[name]()])
  render(el, (view as (p: typeof props) => ReactNode)(props))
  el.setAttribute(ISLAND_READY, '')
}

/**
 * The live examples come to life as they near the screen (400px ahead), so a page shows its
 * text at once and the widgets' code (React included) downloads only where a reader goes.
 */
export function initIslands(): void {
  const islands = [...document.querySelectorAll<HTMLElement>('[data-island]')]
  if (islands.length === 0) return
  const start = (el: HTMLElement) => {
    mount(el).catch(() => {
      el.dataset.islandFailed = '' // A network error: the static HTML stays readable.
    })
  }
  if (!('IntersectionObserver' in window)) {
    islands.forEach(start)
    return
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue
        observer.unobserve(entry.target)
        start(entry.target as HTMLElement)
      }
    },
    { rootMargin: '400px 0px' },
  )
  islands.forEach((el) => observer.observe(el))
}
