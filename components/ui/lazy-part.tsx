import { type ComponentType, type ReactNode, Suspense, lazy } from 'react'

/**
 * A part of the page in a chunk of its own: its code is loaded (import()) and evaluated the
 * first time it is drawn, in a task of its own; `fallback` shows until then.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Part = lazy(() => load().then((component) => ({ default: component })))
  function LazyPart(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    )
  }
  return LazyPart
}
