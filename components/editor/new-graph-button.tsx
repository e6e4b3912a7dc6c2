'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { createGraph } from '@/lib/graph/service-graph'
import { browserStorage } from './boot'
import { useEditorStoreApi } from './editor-store-provider'
import { keptMessage, replaceDesign } from './recent-actions'

/**
 * Starts a blank graph (only `user`); asks first when the current one has services. The
 * current design goes to Recent designs (so it outlives a reload), and Undo brings it back.
 */
export function NewGraphButton() {
  const store = useEditorStoreApi()
  const [storage] = useState(browserStorage)
  return (
    <Button
      variant="ghost"
      icon="file"
      aria-label="New blank design"
      title="New blank design"
      onClick={() => {
        const hasWork = Object.keys(store.getState().graph.services).length > 1
        if (
          hasWork &&
          !window.confirm(
            'Start a new blank design? The current one goes to Import › Recent designs.',
          )
        )
          return
        const replaced = replaceDesign(store, storage, createGraph(), 'new')
        store.getState().showNotice({
          message: `Started a blank design.${keptMessage(replaced)}`,
          tone: 'info',
          action: { label: 'Undo', kind: 'undo' },
        })
      }}
    >
      New
    </Button>
  )
}
