import { exampleById, DEFAULT_EXAMPLE_ID } from '@/lib/examples'
import { createGraph } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import type { EditorStoreInit } from '@/lib/store/editor-store'
import {
  type KeyValueStorage,
  STORAGE_KEYS,
  parseSavedState,
  readSavedState,
  writeItem,
} from '@/lib/store/persistence'
import { addRecent, isBlankDesign, isUntouchedExample, sameDesign } from '@/lib/store/recent'
import type { Replaced } from './recent-actions'

export interface Boot {
  init: EditorStoreInit & { graph: ServiceGraph }
  /** Set when the saved state could not be restored. */
  issue?: { message: string; raw: string }
  /** Set when an `?example=` link replaced saved work (put in Recent designs). */
  replaced?: Replaced & { previous: ServiceGraph }
  /** Set when a share link decoded before the designer started is what opened (a first visit). */
  openedLink?: true
  /**
   * Set when this tab reopened its own design (another tab had saved a different one since):
   * the autosave in storage is the other tab's. The tab saves under its id again, so that
   * what another tab put aside of it leaves Recent designs when it saves (see attachAutosave).
   */
  reopened?: { tab?: string }
}

export interface PageStorage {
  storage: KeyValueStorage
  /** Whether what is written stays after the page closes (false: a memory store). */
  persistent: boolean
  /** Whether a write succeeded when the page started (false: full, or not persistent). */
  writable: boolean
}

let pageStorageOnce: PageStorage | undefined

/**
 * Where the page keeps the design: the browser's localStorage, one object for every part of
 * the page. A full storage still reads, so the saved design opens (each refused save is then
 * reported). Only when the page may not use localStorage at all (blocked for the site) is it
 * a memory store, shared too, so that what New puts in Recent designs can be opened until the
 * page closes.
 */
export function pageStorage(): PageStorage {
  if (pageStorageOnce) return pageStorageOnce
  try {
    const local = window.localStorage
    local.getItem(STORAGE_KEYS.autosave)
    let writable = true
    try {
      local.setItem('__s6d_probe__', '1')
      local.removeItem('__s6d_probe__')
    } catch {
      writable = false
    }
    pageStorageOnce = { storage: local, persistent: true, writable }
  } catch {
    const data = new Map<string, string>()
    pageStorageOnce = {
      storage: {
        getItem: (k) => data.get(k) ?? null,
        setItem: (k, v) => void data.set(k, v),
        removeItem: (k) => void data.delete(k),
      },
      persistent: false,
      writable: false,
    }
  }
  return pageStorageOnce
}

/** The page's storage (see `pageStorage`). */
export function browserStorage(): KeyValueStorage {
  return pageStorage().storage
}

/** The sessionStorage key of what this tab last saved (it outlives a reload, not the tab). */
const TAB_STATE_KEY = 's6d-tab-state'

/** What this tab last saved (a saved-state envelope), if the browser keeps it for the tab. */
export function rememberedTabState(): string | undefined {
  try {
    return window.sessionStorage.getItem(TAB_STATE_KEY) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Keeps what this tab saved for its next load (a reload). When the browser refuses it, the
 * older copy is dropped, so that a reload never reopens a design older than the tab's.
 */
export function rememberTabState(text: string): void {
  try {
    window.sessionStorage.setItem(TAB_STATE_KEY, text)
  } catch {
    try {
      window.sessionStorage.removeItem(TAB_STATE_KEY)
    } catch {
      // Without sessionStorage a reload opens the last saved design, as in a new tab.
    }
  }
}

/**
 * The address without its `?example=` parameter (other parameters and the `#…` fragment kept),
 * or undefined when it has none: once the example is open, a reload must open the autosave,
 * not the example again over the user's edits.
 */
export function withoutExampleParam(url: string): string | undefined {
  const parsed = new URL(url)
  if (!parsed.searchParams.has('example')) return undefined
  parsed.searchParams.delete('example')
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/**
 * Decides what the designer opens on: `?example=<id>`, else the autosave, else (first visit)
 * the reference example. An unreadable autosave is kept aside and the designer starts blank.
 * A share link in `hash` (`#s6g=…`, as the docs' widgets add to their `?example=` link) is
 * the design meant: the example is not opened, and the link is opened as any share link
 * (asking first over the user's own work), instead of the example replacing that work and
 * then the link asking whether to keep the example.
 *
 * `own` is what this tab last saved before a reload. When another tab has saved a different
 * design since, the reload opens this tab's design again, not the other tab's: a reload must
 * not swap the design under the user (the other tab's goes to Recent designs at this tab's
 * next save, see attachAutosave's `foreign`).
 *
 * `link` is the design of the page's share link when the designer's script read it before
 * starting: a first visit (nothing saved) opens it instead of the reference example. Over
 * saved work the link is left to the link handler, which asks first.
 */
export function bootEditor(
  storage: KeyValueStorage,
  search: string,
  now: number = Date.now(),
  hash = '',
  own?: string,
  link?: ServiceGraph,
): Boot {
  const params = new URLSearchParams(search)
  const exampleId = hash.includes('s6g=') ? null : params.get('example')
  const example = exampleId ? exampleById(exampleId) : undefined
  const saved = readSavedState(storage)
  // An unreadable autosave is kept aside first, whatever opens: the next save replaces it.
  if (saved.kind === 'unreadable') writeItem(storage, STORAGE_KEYS.unreadable, saved.raw)
  if (example) {
    if (saved.kind === 'unreadable')
      return {
        init: { graph: example.graph },
        issue: { message: `${saved.reason} s6 Designer opened the example.`, raw: saved.raw },
      }
    // Opening the example over the same design (a reload), a blank one or an untouched
    // example (the menu opens it again) replaces nothing.
    if (
      saved.kind !== 'ok' ||
      isBlankDesign(saved.graph) ||
      isUntouchedExample(saved.graph) ||
      sameDesign(saved.graph, example.graph)
    ) {
      return { init: { graph: example.graph } }
    }
    const kept = addRecent(storage, saved.graph, { reason: 'example', now }).ok
    return {
      init: { graph: example.graph },
      replaced: { hadWork: true, kept, previous: saved.graph },
    }
  }
  const mine = saved.kind === 'ok' && own !== undefined ? parseSavedState(own) : undefined
  if (saved.kind === 'ok' && mine?.kind === 'ok' && !sameDesign(mine.graph, saved.graph)) {
    return {
      init: { graph: mine.graph, ...(mine.viewport ? { viewport: mine.viewport } : {}) },
      reopened: mine.tab !== undefined ? { tab: mine.tab } : {},
    }
  }
  if (saved.kind === 'ok') {
    return { init: { graph: saved.graph, ...(saved.viewport ? { viewport: saved.viewport } : {}) } }
  }
  if (saved.kind === 'unreadable') {
    return {
      init: { graph: createGraph() },
      issue: {
        message: `${saved.reason} s6 Designer started with a blank design.`,
        raw: saved.raw,
      },
    }
  }
  // A first visit from a share link opens the shared design at once (read before the designer
  // started), not the example first.
  if (link) return { init: { graph: link }, openedLink: true }
  const first = exampleById(DEFAULT_EXAMPLE_ID)
  return { init: { graph: first ? first.graph : createGraph() } }
}
