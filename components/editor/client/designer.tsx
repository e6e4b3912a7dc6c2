/**
 * The designer page's only script, bundled by scripts/build-client.mjs (not by Next.js, which
 * renders the page to static HTML and ships no runtime for it). Small: it waits for the page's
 * first paint (the skeleton), then loads the editor and renders it in the skeleton's place.
 * Fetching and evaluating the editor's code before that paint would hold the page blank. (Its
 * chunks are not preloaded: starting 27 fetches at once, by modulepreload links or fetch(),
 * held the page 15 to 35 ms in one task; the imports fetch them a few at a time.)
 */
import { DESIGNER_ROOT_ID } from '../designer-root'
import { wireNarrowNote } from '../narrow-note'

/**
 * `next dev` ignores `unstable_runtimeJS: false` and hydrates the page: the editor then takes
 * the skeleton's place after that (Next.js marks it `afterHydrate`), not under it. A built
 * page has no Next.js data and nothing to wait for.
 */
function afterNextHydration(): Promise<void> {
  if (!document.getElementById('__NEXT_DATA__')) return Promise.resolve()
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('afterHydrate').length === 0) return
      observer.disconnect()
      resolve()
    })
    observer.observe({ type: 'mark', buffered: true })
  })
}

/** Resolves once the page has painted: a task after the next animation frame. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/** Resolves in a task of its own. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Says so in the skeleton's place when the editor's code cannot be loaded (offline, a deploy
 * that replaced its chunks), instead of "Loading" for ever.
 */
function showLoadFailure(): void {
  const text = document.querySelector(`#${DESIGNER_ROOT_ID} .skeleton-text`)
  if (!text) return
  text.textContent =
    'The designer could not be loaded. Check your connection, then reload the page: your saved design is kept in this browser.'
  text.setAttribute('role', 'alert')
  document.querySelector(`#${DESIGNER_ROOT_ID} .app`)?.removeAttribute('aria-busy')
}

async function start(): Promise<void> {
  await afterNextHydration()
  wireNarrowNote()
  await afterPaint()
  // A share link (`#s6g=…`) is read while the editor's code loads, so that a first visit
  // opens the shared design at once, not the example first. A link that cannot be read is
  // left to the editor's link handler, which says why.
  const link = window.location.hash.includes('s6g=')
    ? import('@/lib/share/codec')
        .then(({ decodeShareLink }) => decodeShareLink(window.location.hash))
        .catch(() => undefined)
    : undefined
  // The editor's code is evaluated in stages, each a task of its own, so that none holds the
  // page for long: React, the canvas library, then the editor.
  await import('react-dom/client')
  await nextTask()
  await import('@xyflow/react')
  await nextTask()
  const { mountDesigner } = await import('./mount')
  const read = await link
  mountDesigner(read?.ok ? { graph: read.graph, notes: read.notes } : undefined)
}

start().catch(showLoadFailure)
