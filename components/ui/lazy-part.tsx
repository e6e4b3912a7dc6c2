import { Component, type ComponentType, type ReactNode, Suspense, lazy } from 'react'

const RELOAD_HINT = 'Reload the page: your saved design is kept in this browser.'

/**
 * Shows `failed` in place of its children when they throw while rendering: a part whose code
 * could not be loaded (offline, a deploy that replaced the chunks), or a fault in it. Without
 * it React would take the whole designer off the page.
 */
export class FailureBoundary extends Component<
  { children: ReactNode; failed: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.failed : this.props.children
  }
}

/** What a part that failed shows: what happened and the way out. */
export function PartFailed({ what }: { what: string }) {
  return (
    <div className="part-failed" role="alert">
      {what} {RELOAD_HINT}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}

/**
 * A part of the page in a chunk of its own: its code is loaded (import()) and evaluated the
 * first time it is drawn, in a task of its own; `fallback` shows until then, and a message
 * with a Reload button if it cannot be loaded.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = null,
): ComponentType<P> {
  const Part = lazy(() => load().then((component) => ({ default: component })))
  function LazyPart(props: P) {
    return (
      <FailureBoundary
        failed={<PartFailed what="This part of the designer could not be loaded." />}
      >
        <Suspense fallback={fallback}>
          <Part {...props} />
        </Suspense>
      </FailureBoundary>
    )
  }
  return LazyPart
}
