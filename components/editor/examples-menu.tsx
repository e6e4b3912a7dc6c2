'use client'

import { useState } from 'react'
import { Menu, type MenuItem } from '@/components/ui/menu'
import { builtinExamples } from '@/lib/examples'
import { browserStorage } from './boot'
import { useEditorStoreApi } from './editor-store-provider'
import { keptMessage, replaceDesign } from './recent-actions'

/**
 * Opens a built-in example, undoably; the design it replaces goes to Recent designs (so it
 * outlives a reload, as with New, an import or a link).
 */
export function ExamplesMenu() {
  const store = useEditorStoreApi()
  const [storage] = useState(browserStorage)
  const items: MenuItem[] = builtinExamples().map((ex) => ({
    id: ex.id,
    label: ex.title,
    description: ex.description,
    icon: 'examples',
    onSelect: () => {
      const replaced = replaceDesign(store, storage, ex.graph, 'example')
      store.getState().showNotice({
        message: `Opened “${ex.title}”.${keptMessage(replaced)}`,
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
