'use client'

import './inspector.css'
import { useRef } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icons'
import { keyLabel, shortcutText } from '@/components/ui/platform'
import { selectSingleSelected } from '@/lib/store/selectors'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import { removeWithNotice } from '@/components/editor/removal-message'
import { focusNodeWhenDrawn } from '@/components/canvas/bring-into-view'
import { BundleFields } from './bundle-fields'
import { LongrunFields } from './longrun-fields'
import { OneshotFields } from './oneshot-fields'
import { RelationsSection } from './relations-section'
import { ServiceProblems } from './service-problems'
import { TypeMenu } from './type-menu'
import { useFocusRequest } from './use-focus-request'

function EmptyInspector() {
  const store = useEditorStoreApi()
  const count = useEditorStore((s) => Object.keys(s.graph.services).length)
  const [mod, alt] = [keyLabel('Ctrl'), keyLabel('Alt')]
  return (
    <div className="empty-state inspector-empty">
      <Icon name="longrun" size={22} className="empty-icon" />
      <p className="empty-title">Nothing selected</p>
      <p>
        Select a service on the canvas to edit it. This design has {count}{' '}
        {count === 1 ? 'service or bundle' : 'services and bundles'}.
      </p>
      <ul className="shortcut-list">
        <li>
          <kbd>{mod}</kbd> <kbd>K</kbd> find a service
        </li>
        <li>
          <kbd>{mod}</kbd> <kbd>Z</kbd> undo, <kbd>{mod}</kbd> <kbd>Shift</kbd> <kbd>Z</kbd> redo
        </li>
        <li>
          <kbd>{mod}</kbd> <kbd>C</kbd> / <kbd>X</kbd> / <kbd>V</kbd> copy, cut and paste services
        </li>
        <li>
          <kbd>{mod}</kbd> <kbd>D</kbd> duplicate, <kbd>Delete</kbd> remove the selection
        </li>
        <li>
          <kbd>Shift</kbd> <kbd>{alt}</kbd> <kbd>T</kbd> tidy up the layout
        </li>
        <li>Drag from a node’s right dot to what needs it</li>
        <li>
          <button
            type="button"
            className="link-button"
            onClick={() => store.getState().setShortcutsOpen(true)}
          >
            All shortcuts
          </button>{' '}
          <kbd>?</kbd>
        </li>
      </ul>
    </div>
  )
}

function MultiInspector({ names }: { names: string[] }) {
  const store = useEditorStoreApi()
  return (
    <div className="empty-state">
      <p className="empty-title">{names.length} selected</p>
      <p className="multi-names">{names.join(', ')}</p>
      <Button variant="danger" icon="trash" onClick={() => removeWithNotice(store, names)}>
        Delete selected
      </Button>
    </div>
  )
}

/** Duplicate and Delete for the service shown (Ctrl+D and Delete on the canvas do the same). */
function ServiceActions({ name }: { name: string }) {
  const store = useEditorStoreApi()
  const boot = name === USER_BUNDLE
  return (
    <span className="inspector-actions">
      <Button
        variant="ghost"
        size="sm"
        icon="copy"
        aria-label={`Duplicate ${name}`}
        title={
          boot ? 'The boot bundle is one of a kind' : `Duplicate (${shortcutText(['Ctrl', 'D'])})`
        }
        disabled={boot}
        onClick={() => {
          const [copy] = store.getState().duplicate([name])
          if (copy !== undefined) store.getState().requestFocus('name', copy)
        }}
      />
      <Button
        variant="ghost"
        size="sm"
        icon="trash"
        aria-label={`Delete ${name}`}
        title={boot ? 'user is what s6-overlay starts at boot: it stays' : 'Delete (Delete key)'}
        disabled={boot}
        onClick={() => removeWithNotice(store, [name])}
      />
    </span>
  )
}

/** Edits the selected service: one panel per type, each field with its own problems and help. */
export function InspectorPanel() {
  const name = useEditorStore(selectSingleSelected)
  const service = useEditorStore((s) => (name === undefined ? undefined : s.graph.services[name]))
  const multi = useEditorStore((s) =>
    s.selection.services.length > 1 ? s.selection.services : undefined,
  )
  const rootRef = useRef<HTMLDivElement>(null)
  useFocusRequest(rootRef, name)

  if (multi) return <MultiInspector names={multi} />
  if (name === undefined || service === undefined) return <EmptyInspector />
  return (
    <div
      ref={rootRef}
      className="inspector"
      data-service={name}
      key={name}
      onKeyDown={(e) => {
        // Escape in a field (that did not use it itself) goes back to the service's node. In
        // a script, Escape is the first half of leaving it with Tab.
        const target = e.target as HTMLElement
        if (e.key !== 'Escape' || e.defaultPrevented || target.closest('.code-area')) return
        if (!target.matches('input, textarea, select')) return
        e.preventDefault()
        focusNodeWhenDrawn(name)
      }}
    >
      <div className="inspector-head">
        <TypeMenu name={name} type={service.type} />
        <h2 className="inspector-title">{name}</h2>
        <ServiceActions name={name} />
      </div>
      <ServiceProblems name={name} />
      {service.type === 'longrun' ? (
        <LongrunFields name={name} service={service} />
      ) : service.type === 'oneshot' ? (
        <OneshotFields name={name} service={service} />
      ) : (
        <BundleFields name={name} service={service} />
      )}
      <RelationsSection name={name} service={service} />
    </div>
  )
}
