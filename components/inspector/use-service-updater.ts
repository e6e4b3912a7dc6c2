'use client'

import { useCallback } from 'react'
import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import type { Service, ServiceName } from '@/lib/graph/types'

export type ServicePatch = Record<string, unknown>

/**
 * Returns `update(patch, key?)`: merges `patch` into the service (an `undefined` value removes
 * the field). Edits with the same `key` in a row coalesce into one undo step; `done()` ends it.
 */
export function useServiceUpdater(name: ServiceName) {
  const store = useEditorStoreApi()
  const update = useCallback(
    (patch: ServicePatch, key?: string) => {
      const s = store.getState()
      const current = s.graph.services[name]
      if (!current) return
      const next: Record<string, unknown> = { ...current, ...patch }
      for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k]
      s.updateService(name, next as unknown as Service, key ? { coalesce: `${name}:${key}` } : {})
    },
    [store, name],
  )
  const done = useCallback(() => store.getState().endCoalescing(), [store])
  return { update, done }
}
