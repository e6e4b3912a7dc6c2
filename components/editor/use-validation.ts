'use client'

import { useEffect } from 'react'
import { attachValidation } from '@/lib/store/validation'
import { useEditorStoreApi } from './editor-store-provider'

/** Lets the problem displays catch up with the graph shortly after each edit. */
export function useValidation(): void {
  const store = useEditorStoreApi()
  useEffect(() => attachValidation(store, { delayMs: 60 }), [store])
}
