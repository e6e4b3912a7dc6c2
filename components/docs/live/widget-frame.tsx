import type { ExampleState } from './use-example-graph'

/** The box a live widget shows while its code or its example loads. */
export function WidgetPlaceholder({ height = 260, label }: { height?: number; label: string }) {
  return (
    <div className="live-widget live-placeholder" style={{ minHeight: height }} aria-busy="true">
      <span>{label}</span>
    </div>
  )
}

/** Loading or error state of a widget's example. */
export function WidgetMessage({ state }: { state: Exclude<ExampleState, { status: 'ready' }> }) {
  if (state.status === 'loading') return <WidgetPlaceholder label="Loading the example…" />
  return (
    <div className="live-widget live-error" role="alert">
      {state.message}
    </div>
  )
}
