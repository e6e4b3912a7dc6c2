'use client'

import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'

/**
 * A component whose code loads only when a page renders it, with a placeholder meanwhile.
 * React.lazy rather than next/dynamic: React already ships it, so pages without widgets pay
 * nothing for the mechanism.
 */
export function lazyWidget<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: ReactNode,
): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })))
  function Widget(props: P) {
    return (
      <Suspense fallback={placeholder}>
        <Loaded {...props} />
      </Suspense>
    )
  }
  return Widget
}
