'use client'

import { useEffect, useState } from 'react'
import { useEditorStoreApi } from './editor-store-provider'

/**
 * Whether the details panel is open as a drawer, in a window too narrow for it beside the
 * canvas (under 1024 px, see editor.css: a tablet, a laptop at 200% zoom). It opens by itself where the designer sends the
 * user to it: a service selected, a side tab chosen, a field to go to (a problem's fix).
 * Wide windows always show the panel; there `open` changes nothing.
 */
export function useNarrowPanel(): [boolean, (open: boolean) => void] {
  const store = useEditorStoreApi()
  const [open, setOpen] = useState(false)
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        const selected =
          state.selection.services !== prev.selection.services &&
          state.selection.services.length > 0
        if (
          selected ||
          state.ui.sideTab !== prev.ui.sideTab ||
          (state.ui.focusRequest !== prev.ui.focusRequest && state.ui.focusRequest !== undefined)
        )
          setOpen(true)
      }),
    [store],
  )
  return [open, setOpen]
}
