import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'

/**
 * React for the docs' live examples, in a chunk of its own that only pages with an island load.
 * createRoot, not hydrateRoot: the build rendered the island inside the page's tree, so its
 * ids differ; React replaces that HTML with the same markup, now live. Synchronously, so the
 * island is live when this returns (its ready mark then tells the truth).
 */
export function render(el: HTMLElement, node: ReactNode): void {
  const root = createRoot(el)
  flushSync(() => root.render(node))
}
