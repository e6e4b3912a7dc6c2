'use client'

import { Menu, type MenuItem } from '@/components/ui/menu'
import { builtinExamples } from '@/lib/examples'
import { useEditorStoreApi } from './editor-store-provider'

/** Opens a built-in example (undoable; the design it replaces stays a step back in history). */
export function ExamplesMenu() {
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
