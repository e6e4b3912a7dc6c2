'use client'

import { Button } from '@/components/ui/button'
import { createGraph } from '@/lib/graph/service-graph'
import { useEditorStoreApi } from './editor-store-provider'

/** Starts a blank graph (only `user`); asks first when the current one has services. Undoable. */
export function NewGraphButton() {
  const store = useEditorStoreApi()
  return (
    <Button
      variant="ghost"
      icon="file"
      aria-label="New blank design"
      title="New blank design"
      onClick={() => {
        const s = store.getState()
        const hasWork = Object.keys(s.graph.services).length > 1
        if (hasWork && !window.confirm('Start a new blank design? You can undo this.')) return
        s.loadGraph(createGraph())
        s.showNotice({
          message: 'Started a blank design',
          tone: 'info',
          action: { label: 'Undo', kind: 'undo' },
        })
      }}
    >
      New
    </Button>
  )
}
