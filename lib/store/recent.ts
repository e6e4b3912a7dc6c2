/**
 * "Recent designs": the last few graphs the designer put aside (replaced by a shared link, an
 * import, an example or a new design, or saved over by another tab, or a shared link the user
 * chose not to open), kept in an injected
 * key-value storage so nothing the user made is ever lost to a single click. Framework-free.
 */
import { builtinExamples } from '../examples'
import { OWN_LIMITS, parseGraph, serializeGraph } from '../graph/parse'
import { createGraph } from '../graph/service-graph'
import type { ServiceGraph } from '../graph/types'
import { type KeyValueStorage, STORAGE_KEYS, writeItem } from './persistence'

/** How many designs the list keeps; older ones drop off. */
export const RECENT_LIMIT = 20

/** Why a design was put aside (shown in the list). */
export type RecentReason =
  'link' | 'link-declined' | 'import' | 'example' | 'recent' | 'new' | 'tab'

export interface RecentDesign {
  /** Stable for one graph (its content hash): adding the same design again moves it up. */
  id: string
  name: string
  /** Entries in `graph.services` (bundles included). */
  services: number
  /** Milliseconds since the epoch. */
  savedAt: number
  reason: RecentReason
  graph: ServiceGraph
  /**
   * The tab whose design it is, for designs another tab saved over: that tab's later designs
   * replace this entry instead of filling the list with its steps.
   */
  source?: string
}

/** Envelope version of the stored list. */
const RECENT_VERSION = 1

/**
 * The text that identifies a design's content: the serialized graph without positions, so
 * the same services laid out differently count as the same design.
 */
export function designKey(graph: ServiceGraph): string {
  return serializeGraph({ ...graph, layout: {} })
}

/** Whether two graphs are the same design (positions aside). */
export function sameDesign(a: ServiceGraph, b: ServiceGraph): boolean {
  return a === b || designKey(a) === designKey(b)
}

/** Whether a graph is a fresh blank design (nothing worth keeping). */
export function isBlankDesign(graph: ServiceGraph): boolean {
  return sameDesign(graph, createGraph({ name: graph.project.name }))
}

/**
 * Whether a graph is one of the built-in examples as it ships (positions aside): nothing of
 * the user's, and the Examples menu opens it again. Recent designs does not spend a place on it.
 */
export function isUntouchedExample(graph: ServiceGraph): boolean {
  const key = designKey(graph)
  return builtinExamples().some((e) => designKey(e.graph) === key)
}

/** FNV-1a 32-bit of a text, in base 36. */
function hashText(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const REASONS: readonly RecentReason[] = [
  'link',
  'link-declined',
  'import',
  'example',
  'recent',
  'new',
  'tab',
]

function readEntry(value: unknown): RecentDesign | undefined {
  if (!isRecord(value)) return undefined
  const parsed = parseGraph(value.graph, OWN_LIMITS)
  if (!parsed.ok) return undefined
  const graph = parsed.graph
  const savedAt =
    typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : 0
  const reason = REASONS.find((r) => r === value.reason) ?? 'recent'
  return {
    id: hashText(designKey(graph)),
    name: graph.project.name,
    services: Object.keys(graph.services).length,
    savedAt,
    reason,
    graph,
    ...(typeof value.source === 'string' ? { source: value.source } : {}),
  }
}

/**
 * The stored list, newest first. Entries that no longer parse are left out; a damaged or
 * missing list reads as empty. Never throws.
 */
export function readRecent(storage: KeyValueStorage): RecentDesign[] {
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEYS.recentDesigns)
  } catch {
    return []
  }
  if (!raw) return []
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return []
  }
  if (!isRecord(data) || data.v !== RECENT_VERSION || !Array.isArray(data.items)) return []
  const seen = new Set<string>()
  const list: RecentDesign[] = []
  for (const item of data.items) {
    const entry = readEntry(item)
    if (!entry || seen.has(entry.id)) continue
    seen.add(entry.id)
    list.push(entry)
  }
  return list.sort((a, b) => b.savedAt - a.savedAt).slice(0, RECENT_LIMIT)
}

/**
 * Writes the list, dropping the oldest entries while the storage refuses it (quota). False
 * when not even the first entry could be stored.
 */
function writeRecent(storage: KeyValueStorage, list: RecentDesign[]): boolean {
  for (let n = list.length; n >= 1; n--) {
    const items = list.slice(0, n).map(({ name, savedAt, reason, graph, source }) => ({
      name,
      savedAt,
      reason,
      graph,
      ...(source !== undefined ? { source } : {}),
    }))
    if (
      writeItem(storage, STORAGE_KEYS.recentDesigns, JSON.stringify({ v: RECENT_VERSION, items }))
    )
      return true
  }
  if (list.length === 0) {
    try {
      storage.removeItem(STORAGE_KEYS.recentDesigns)
      return true
    } catch {
      return false
    }
  }
  return false
}

export type AddRecentResult =
  { ok: true; list: RecentDesign[]; entry?: RecentDesign } | { ok: false; list: RecentDesign[] }

/**
 * Puts a design at the top of the list. The same design (positions aside) already there moves
 * up instead of appearing twice, and so does an entry from the same `source` (the design of
 * another tab, which it replaces); a blank design or an untouched built-in example is not
 * kept (`entry` is then undefined).
 * `ok: false` means the storage refused it: tell the user, the design is not kept.
 *
 * @example
 * addRecent(storage, store.getState().graph, { reason: 'link', now: Date.now() })
 */
export function addRecent(
  storage: KeyValueStorage,
  graph: ServiceGraph,
  options: { reason: RecentReason; now: number; source?: string },
): AddRecentResult {
  const list = readRecent(storage)
  if (isBlankDesign(graph) || isUntouchedExample(graph)) return { ok: true, list }
  const entry: RecentDesign = {
    id: hashText(designKey(graph)),
    name: graph.project.name,
    services: Object.keys(graph.services).length,
    savedAt: options.now,
    reason: options.reason,
    graph,
    ...(options.source !== undefined ? { source: options.source } : {}),
  }
  const replaced = (e: RecentDesign) =>
    e.id === entry.id || (entry.source !== undefined && e.source === entry.source)
  const next = [entry, ...list.filter((e) => !replaced(e))].slice(0, RECENT_LIMIT)
  if (!writeRecent(storage, next)) return { ok: false, list }
  return { ok: true, list: readRecent(storage), entry }
}

/** Removes the entry of another tab (`source`), whose design is in the autosave again. */
export function removeRecentSource(storage: KeyValueStorage, source: string): void {
  const list = readRecent(storage)
  if (list.some((e) => e.source === source))
    writeRecent(
      storage,
      list.filter((e) => e.source !== source),
    )
}

/** Removes one entry; returns the new list. */
export function removeRecent(storage: KeyValueStorage, id: string): RecentDesign[] {
  const next = readRecent(storage).filter((e) => e.id !== id)
  writeRecent(storage, next)
  return readRecent(storage)
}
