'use client'

import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import type { ServiceName } from '@/lib/graph/types'
import { bringIntoView } from '@/components/canvas/bring-into-view'

export interface ServiceActions {
  /** Highlights the service's node on the canvas (undefined clears). */
  hover: (name: ServiceName | undefined) => void
  /** Selects the service on the canvas and scrolls it into view if it is off screen. */
  select: (name: ServiceName) => void
  /** Whether the name is one of the design's own services (s6-overlay's are not). */
  isOwn: (name: ServiceName) => boolean
}

/**
 * What a preview row does with its service: hover highlights it on the canvas, a click selects
 * it there. Clears the hover when the panel goes away.
 */
export function useServiceActions(): ServiceActions {
  const store = useEditorStoreApi()
  const rf = useReactFlow()
  useEffect(() => () => store.getState().setHoveredService(undefined), [store])
  return useMemo(() => {
    const isOwn = (name: ServiceName) => Object.hasOwn(store.getState().graph.services, name)
    return {
      isOwn,
      hover: (name) => store.getState().setHoveredService(name && isOwn(name) ? name : undefined),
      select: (name) => {
        if (!isOwn(name)) return
        store.getState().selectService(name)
        bringIntoView(rf, [name])
      },
    }
  }, [store, rf])
}

/** The services selected on the canvas, as a set (same set while the selection is the same). */
export function useSelectedServices(): ReadonlySet<ServiceName> {
  const list = useEditorStore((s) => s.selection.services)
  return useMemo(() => new Set(list), [list])
}

/** The service hovered in a preview (or on the canvas), for highlighting rows. */
export function useHoveredService(): ServiceName | undefined {
  return useEditorStore((s) => s.ui.hoveredService)
}
