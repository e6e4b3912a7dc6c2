/**
 * Saving the designer's state to a key-value storage (the browser's localStorage, injected so
 * this module never touches `window`). The saved value is a versioned envelope; reading it goes
 * through `parseGraph`, and anything it cannot restore is reported, never thrown.
 */
import { OWN_LIMITS, parseGraph } from '../graph/parse'
import type { ServiceGraph } from '../graph/types'
import type { Viewport } from './types'

/** The part of the Web Storage API the designer uses. */
export interface KeyValueStorage {
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
  removeItem: (key: string) => void
}

export const STORAGE_KEYS = {
  /** The current work, written on every change. */
  autosave: 's6d-autosave',
  /** "Recent designs": the last graphs put aside by links, imports, examples, New and other tabs (recent.ts). */
  recentDesigns: 's6d-recent-designs',
  /** A saved state that could not be restored, kept for download. */
  unreadable: 's6d-autosave-unreadable',
  /** The last copied selection, for pasting when the system clipboard is unavailable. */
  clipboard: 's6d-clipboard',
} as const

/** Version of the saved envelope (not of the graph, which has its own). */
export const SAVE_VERSION = 1

export interface SavedState {
  v: typeof SAVE_VERSION
  graph: ServiceGraph
  viewport?: Viewport
  /** The tab that wrote it (see attachAutosave), so another tab can tell whose design it is. */
  tab?: string
}

export type LoadedState =
  | { kind: 'empty' }
  | { kind: 'ok'; graph: ServiceGraph; viewport?: Viewport; tab?: string; notes: string[] }
  | { kind: 'unreadable'; raw: string; reason: string }

function isViewport(v: unknown): v is Viewport {
  if (typeof v !== 'object' || v === null) return false
  const { x, y, zoom } = v as Record<string, unknown>
  return (
    [x, y, zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && (zoom as number) > 0
  )
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A last guard on what parseGraph returned, so the page can rely on the three maps. */
function hasGraphShape(graph: ServiceGraph): boolean {
  return (
    isRecord(graph) && isRecord(graph.services) && isRecord(graph.layout) && isRecord(graph.project)
  )
}

/** Reads a saved envelope from its raw text. */
export function parseSavedState(raw: string): LoadedState {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { kind: 'unreadable', raw, reason: 'The saved design is not valid JSON.' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'unreadable', raw, reason: 'The saved design is not an object.' }
  }
  const envelope = data as Record<string, unknown>
  if (envelope.v !== SAVE_VERSION) {
    return {
      kind: 'unreadable',
      raw,
      reason:
        typeof envelope.v === 'number' && envelope.v > SAVE_VERSION
          ? 'The saved design comes from a newer version of s6 Designer.'
          : 'The saved design comes from an older version of s6 Designer.',
    }
  }
  const parsed = parseGraph(envelope.graph, OWN_LIMITS)
  if (!parsed.ok)
    return { kind: 'unreadable', raw, reason: `The saved design is damaged: ${parsed.error}` }
  if (!hasGraphShape(parsed.graph)) {
    return { kind: 'unreadable', raw, reason: 'The saved design is damaged: it has no services.' }
  }
  return {
    kind: 'ok',
    graph: parsed.graph,
    notes: parsed.notes,
    ...(isViewport(envelope.viewport) ? { viewport: envelope.viewport } : {}),
    ...(typeof envelope.tab === 'string' ? { tab: envelope.tab } : {}),
  }
}

/** Reads the autosaved state. Never throws, even when the storage does. */
export function readSavedState(
  storage: KeyValueStorage,
  key: string = STORAGE_KEYS.autosave,
): LoadedState {
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch {
    return { kind: 'empty' }
  }
  if (raw === null || raw === '') return { kind: 'empty' }
  return parseSavedState(raw)
}

/** The envelope text for a state. */
export function serializeState(state: {
  graph: ServiceGraph
  viewport?: Viewport | undefined
  tab?: string | undefined
}): string {
  const saved: SavedState = {
    v: SAVE_VERSION,
    graph: state.graph,
    ...(state.viewport ? { viewport: state.viewport } : {}),
    ...(state.tab ? { tab: state.tab } : {}),
  }
  return JSON.stringify(saved)
}

/** Writes a value; false when the storage refused it (quota, private mode). */
export function writeItem(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value)
    return true
  } catch {
    return false
  }
}

/** Writes the autosave. */
export function writeSavedState(
  storage: KeyValueStorage,
  state: { graph: ServiceGraph; viewport?: Viewport | undefined },
): boolean {
  return writeItem(storage, STORAGE_KEYS.autosave, serializeState(state))
}
