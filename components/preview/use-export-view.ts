'use client'

import { useDeferredValue, useMemo, useState } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { exportFiles } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import type { ServiceGraph } from '@/lib/graph/types'
import {
  type FileChanges,
  NO_CHANGES,
  compareFileMaps,
  isUnchanged,
  isWholesale,
} from '@/lib/preview/file-changes'

export interface ExportView {
  graph: ServiceGraph
  files: FileMap
  /** The export before the last edit that changed it (undefined after a reset). */
  previous: FileMap | undefined
  /** What that edit changed. */
  changes: FileChanges
  /** Bumped when the design was replaced (or the view restarted): marks and folds start over. */
  generation: number
}

interface Tracker {
  /** The view for `graph`: the last one when the graph is the same, else a new export. */
  update: (graph: ServiceGraph) => ExportView
  /** Nothing is shown: the next update starts without marks. */
  pause: () => void
}

function createTracker(): Tracker {
  let last: ExportView | undefined
  let paused = false
  return {
    pause: () => {
      paused = true
    },
    update: (graph) => {
      if (last && last.graph === graph && !paused) return last
      const files = exportFiles(graph)
      let view: ExportView
      if (!last || paused) {
        view = {
          graph,
          files,
          previous: undefined,
          changes: NO_CHANGES,
          generation: (last?.generation ?? 0) + 1,
        }
      } else {
        const changes = compareFileMaps(last.files, files)
        if (isUnchanged(changes)) view = { ...last, graph, files }
        else if (isWholesale(changes, files))
          view = {
            graph,
            files,
            previous: undefined,
            changes: NO_CHANGES,
            generation: last.generation + 1,
          }
        else view = { graph, files, previous: last.files, changes, generation: last.generation }
      }
      last = view
      paused = false
      return view
    },
  }
}

/**
 * The export of the current design for the Files and Docs previews, with what the last edit
 * changed. The export runs on a deferred copy of the graph, so an edit shows everywhere else
 * first; while `active` is false nothing is computed, and the next view starts without marks.
 */
export function useExportView(active: boolean): { view: ExportView | undefined; stale: boolean } {
  const graph = useEditorStore((s) => s.graph)
  const deferred = useDeferredValue(graph)
  const [tracker] = useState(createTracker)
  const view = useMemo(() => {
    if (!active) {
      tracker.pause()
      return undefined
    }
    // Same graph in, same view out: safe to run twice (strict mode renders twice).
    return tracker.update(deferred)
  }, [active, deferred, tracker])
  return { view, stale: deferred !== graph }
}
