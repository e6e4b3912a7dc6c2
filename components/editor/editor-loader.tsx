'use client'

import dynamic from 'next/dynamic'
import { EditorSkeleton } from './editor-skeleton'

/**
 * The designer runs in the browser only: it starts from localStorage and the URL, which a static
 * export cannot know. The page shows a skeleton until it loads.
 */
export const EditorLoader = dynamic(() => import('./editor').then((m) => m.Editor), {
  ssr: false,
  loading: () => <EditorSkeleton />,
})
