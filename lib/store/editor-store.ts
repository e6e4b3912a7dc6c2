/**
 * The designer's store: vanilla zustand (no React here) combined from three slices (STYLE 11).
 * The React binding lives in `components/editor/editor-store-provider.tsx`, which creates one
 * store per mount.
 */
import { createStore } from 'zustand/vanilla'
import { createGraph } from '../graph/service-graph'
import type { ServiceGraph } from '../graph/types'
import { createGraphSlice } from './graph-slice'
import { createSelectionSlice } from './selection-slice'
import type { EditorState, Viewport } from './types'
import { createUiSlice } from './ui-slice'

export interface EditorStoreInit {
  /** The graph to start with; a blank graph (only `user`) when absent. */
  graph?: ServiceGraph
  viewport?: Viewport
  /** Clock used to coalesce typing into one history entry (default Date.now). */
  now?: () => number
  /** Undo steps kept (default 200). */
  historyLimit?: number
  /** Coalescing window in ms (default 3000). */
  coalesceMs?: number
  /** Longest span of one coalesced entry in ms (default 20000). */
  coalesceMaxMs?: number
}

/**
 * Creates an editor store.
 *
 * @example
 * const store = createEditorStore({ graph: createGraph() })
 * const name = store.getState().addService('longrun') // 'longrun'
 * store.getState().undo()
 */
export function createEditorStore(init: EditorStoreInit = {}) {
  const graphSlice = createGraphSlice({
    graph: init.graph ?? createGraph(),
    now: init.now ?? Date.now,
    historyLimit: init.historyLimit ?? 200,
    coalesceMs: init.coalesceMs ?? 3000,
    coalesceMaxMs: init.coalesceMaxMs ?? 20_000,
  })
  const uiSlice = createUiSlice(init.viewport ? { viewport: init.viewport } : {})
  return createStore<EditorState>()((...a) => ({
    ...graphSlice(...a),
    ...createSelectionSlice(...a),
    ...uiSlice(...a),
  }))
}

export type EditorStore = ReturnType<typeof createEditorStore>
