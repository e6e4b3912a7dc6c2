import { useSyncExternalStore } from 'react'

const never = () => () => undefined

/**
 * False while a live example is rendered to HTML at build time, true once it runs in the
 * browser: controls that only work with JavaScript stay disabled until then, so nothing a
 * reader clicks early is lost.
 */
export function useLive(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
