/**
 * The live examples of the docs ("islands"): rendered to HTML at build time inside a
 * `<div data-island=NAME data-props=JSON>`, then mounted with React by the docs script when they
 * come near the screen (components/docs/client/islands.ts). Shared by both sides.
 */
export interface IslandProps {
  'graph-preview': { example: string; caption?: string }
  'order-simulator': { example: string }
  'file-explorer': { example: string }
}

export type IslandName = keyof IslandProps

/** Set on the island's element once React has mounted it. */
export const ISLAND_READY = 'data-island-ready'
