'use client'

import { useEffect } from 'react'
import {
  type EditorStore,
  useEditorStore,
  useEditorStoreApi,
} from '@/components/editor/editor-store-provider'

/** Loads dagre and the layout code only when a layout is needed (they stay out of the first bundle). */
export async function loadLayout() {
  const [dagre, layout] = await Promise.all([
    import('@dagrejs/dagre'),
    import('@/lib/graph/layout'),
  ])
  return { dagre: dagre.default, ...layout }
}

/** Lays the whole graph out again, left to right in start order (one undo step). */
export async function tidyLayout(store: EditorStore): Promise<void> {
  const { dagre, autoLayout } = await loadLayout()
  const s = store.getState()
  s.setLayout(autoLayout(s.graph, dagre))
  s.requestFitView()
}

/**
 * Gives a place to services that have none (examples, imports, pastes from a file), without a
 * history entry: the graph the user sees first already has its layout.
 */
export function useLayoutMissing(): void {
  const store = useEditorStoreApi()
  const missing = useEditorStore((s) => {
    for (const name in s.graph.services) if (s.graph.layout[name] === undefined) return true
    return false
  })
  useEffect(() => {
    if (!missing) return
    let cancelled = false
    void loadLayout().then(({ dagre, layoutMissing }) => {
      if (cancelled) return
      const s = store.getState()
      const positions = layoutMissing(s.graph, dagre)
      if (Object.keys(positions).length === 0) return
      s.setLayout(positions, { history: false })
      s.requestFitView()
    })
    return () => {
      cancelled = true
    }
  }, [missing, store])
}
