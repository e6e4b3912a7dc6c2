'use client'

import { Menu, type MenuItem } from '@/components/ui/menu'
import { builtinExamples } from '@/lib/examples'
import { type KeyValueStorage, STORAGE_KEYS, parseSavedState } from '@/lib/store/persistence'
import { useEditorStoreApi } from './editor-store-provider'

/** Opens a built-in example (undoable), or the design an example link replaced. */
export function ExamplesMenu({ storage }: { storage: KeyValueStorage }) {
  const store = useEditorStoreApi()
  const items: MenuItem[] = builtinExamples().map((ex) => ({
    id: ex.id,
    label: ex.title,
    description: ex.description,
    icon: 'examples',
    onSelect: () => {
      store.getState().loadGraph(ex.graph)
      store.getState().showNotice({
        message: `Opened “${ex.title}”`,
        tone: 'info',
        action: { label: 'Undo', kind: 'undo' },
      })
    },
  }))
  const recentRaw = (() => {
    try {
      return storage.getItem(STORAGE_KEYS.recent)
    } catch {
      return null
    }
  })()
  if (recentRaw) {
    items.push({
      id: 'recent',
      label: 'Recent: your previous design',
      description: 'The design an example link replaced.',
      icon: 'undo',
      onSelect: () => {
        const loaded = parseSavedState(recentRaw)
        if (loaded.kind === 'ok') store.getState().loadGraph(loaded.graph)
      },
    })
  }
  return (
    <Menu
      label="Examples"
      icon="examples"
      ariaLabel="Examples: open a built-in example"
      heading="Built-in examples"
      items={items}
    />
  )
}
