'use client'

import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { loadExporter } from '@/components/export/load-exporter'
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
  /**
   * Notes `graph` as the current one and, when `active`, returns its view: the last one for
   * the same graph, else a new export compared with the one before the last edit.
   */
  update: (graph: ServiceGraph, active: boolean) => ExportView | undefined
}

type ExportFiles = (graph: ServiceGraph) => FileMap

function createTracker(exportFiles: ExportFiles): Tracker {
  // The last two graphs seen (shown or not), so that opening Files after an edit made on
  // another tab still marks what that edit changed.
  let previous: ServiceGraph | undefined
  let current: ServiceGraph | undefined
  let last: ExportView | undefined
  const exports = new WeakMap<ServiceGraph, FileMap>()
  const exportOf = (graph: ServiceGraph): FileMap => {
    let files = exports.get(graph)
    if (!files) {
      files = exportFiles(graph)
      exports.set(graph, files)
    }
    return files
  }
  return {
    update: (graph, active) => {
      if (graph !== current) {
        previous = current
        current = graph
      }
      if (!active) return undefined
      if (last && last.graph === graph) return last
      const files = exportOf(graph)
      const generation = last?.generation ?? 1
      // Shown all along: compare with what was shown. Just opened: with the graph before.
      const base =
        last && last.graph === previous
          ? last
          : previous
            ? { files: exportOf(previous) }
            : undefined
      const changes = base ? compareFileMaps(base.files, files) : NO_CHANGES
      let view: ExportView
      if (base && isUnchanged(changes) && last && base === last) view = { ...last, graph, files }
      else if (base && isWholesale(changes, files))
        view = {
          graph,
          files,
          previous: undefined,
          changes: NO_CHANGES,
          generation: generation + 1,
        }
      else if (!base || isUnchanged(changes))
        view = { graph, files, previous: undefined, changes: NO_CHANGES, generation }
      else view = { graph, files, previous: base.files, changes, generation }
      last = view
      return view
    },
  }
}

/** Notes graphs until the exporter has loaded, so the first view still marks the last edit. */
function createWaitingTracker(): Tracker & { seen: ServiceGraph[] } {
  const seen: ServiceGraph[] = []
  return {
    seen,
    update: (graph) => {
      if (seen[seen.length - 1] !== graph) seen.splice(0, seen.length, ...seen.slice(-1), graph)
      return undefined
    },
  }
}

/**
 * The export of the current design for the Files and Docs previews, with what the last edit
 * changed. The export runs on a deferred copy of the graph, so an edit shows everywhere else
 * first; while `active` is false nothing is computed (the graphs are only noted). The exporter
 * loads the first time a preview needs it (`view` is undefined until then).
 */
export function useExportView(active: boolean): {
  view: ExportView | undefined
  stale: boolean
  /** The exporter could not be loaded (offline after an update, say). */
  failed: boolean
} {
  const graph = useEditorStore((s) => s.graph)
  const deferred = useDeferredValue(graph)
  const [waiting] = useState(createWaitingTracker)
  const [tracker, setTracker] = useState<Tracker | undefined>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!active || tracker || failed) return
    let live = true
    loadExporter().then(
      ({ exportFiles }) => {
        if (!live) return
        const next = createTracker(exportFiles)
        for (const g of waiting.seen) next.update(g, false)
        setTracker(() => next)
      },
      () => {
        if (live) setFailed(true)
      },
    )
    return () => {
      live = false
    }
  }, [active, tracker, failed, waiting])
  // Same graph in, same view out: safe to run twice (strict mode renders twice).
  const view = useMemo(
    () => (tracker ?? waiting).update(deferred, active),
    [active, deferred, tracker, waiting],
  )
  return { view, stale: deferred !== graph, failed }
}
