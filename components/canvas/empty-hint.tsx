'use client'

import { useEditorStore } from '@/components/editor/editor-store-provider'

/** Shown on a design that has nothing but `user`: where to start. */
export function EmptyHint() {
  const empty = useEditorStore((s) => Object.keys(s.graph.services).length <= 1)
  if (!empty) return null
  return (
    <div className="empty-hint" role="note">
      <p className="empty-hint-title">Start your design</p>
      <p>
        Add a <strong className="type-oneshot">oneshot</strong> for set-up steps, a{' '}
        <strong className="type-longrun">longrun</strong> for each daemon, or pick a template or an
        example. Then drag from a service’s right dot to what needs it, or to <code>user</code> to
        start it at boot.
      </p>
    </div>
  )
}
