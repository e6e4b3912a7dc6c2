import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'

/**
 * React for the docs' live examples, in a chunk of its own that only pages with an island load.
 * createRoot, not hydrateRoot: the build rendered the island inside the page's tree, so its
 * ids differ; React replaces that HTML with the same markup, now live.
 */
export function render(el: HTMLElement, node: ReactNode): void {
  createRoot(el).render(node)
}
