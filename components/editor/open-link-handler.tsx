'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from '@/components/ui/icons'
import type { ServiceGraph } from '@/lib/graph/types'
import { type KeyValueStorage, STORAGE_KEYS } from '@/lib/store/persistence'
import { isBlankDesign, isUntouchedExample, sameDesign } from '@/lib/store/recent'
import { useEditorStoreApi } from './editor-store-provider'
import { OpenLinkDialog } from './open-link-dialog'
import { keptMessage, putAside, replaceDesign } from './recent-actions'

/** Drops the `#s6g=…` fragment so a reload opens the autosave, not the link again. */
export function clearFragment(): void {
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', `${pathname}${search}`)
}

/**
 * What the link held that this version does not read (a newer designer's fields, say), as a
 * sentence for the notice; '' when it read everything.
 */
function leftOut(notes: readonly string[]): string {
  if (notes.length === 0) return ''
  const shown = notes.slice(0, 3).join('; ')
  const more = notes.length > 3 ? ` and ${notes.length - 3} more` : ''
  return ` Parts of the link this version does not read were left out (${shown}${more}); a newer s6 Designer may have written them.`
}

/** The notice when a shared design opened without a question (nothing of the user's open). */
export function openedSharedNotice(graph: ServiceGraph, notes: readonly string[]): string {
  return `Opened the shared design “${graph.project.name}”.${leftOut(notes)}`
}

/**
 * Opens a share link (`/#s6g=…`) found at start or on `hashchange`. A bad link shows its one
 * message and changes nothing; a design that differs from the user's own is opened only when
 * they choose, and the other one goes to Recent designs.
 */
export function OpenLinkHandler({ storage }: { storage: KeyValueStorage }) {
  const store = useEditorStoreApi()
  const [pending, setPending] = useState<{ graph: ServiceGraph; notes: string[] } | undefined>()
  const [error, setError] = useState<string | undefined>()
  const run = useRef(0)

  const hasLocalWork = useCallback(() => {
    const s = store.getState()
    if (isBlankDesign(s.graph)) return false
    if (s.past.length > 0 || s.future.length > 0) return true
    try {
      return storage.getItem(STORAGE_KEYS.autosave) !== null
    } catch {
      return true
    }
  }, [store, storage])

  useEffect(() => {
    const check = async () => {
      // The link as it is now: the editor may clear it meanwhile, having opened it at start.
      const hash = window.location.hash
      if (!hash.includes('s6g=')) return
      const id = ++run.current
      const { decodeShareLink } = await import('@/lib/share/codec')
      const result = await decodeShareLink(hash)
      if (id !== run.current) return
      const s = store.getState()
      if (!result.ok) {
        // The link stays in the address: reloaded (after an update, for a newer link) or
        // looked at, it is still there.
        setError(result.error)
        setPending(undefined)
        return
      }
      setError(undefined)
      if (sameDesign(s.graph, result.graph)) {
        // Already open (the design the link holds is the one on screen): nothing to ask.
        clearFragment()
      } else if (!hasLocalWork()) {
        clearFragment()
        s.loadGraph(result.graph, { reset: true })
        s.showNotice({ message: openedSharedNotice(result.graph, result.notes), tone: 'info' })
      } else {
        setPending({ graph: result.graph, notes: result.notes })
      }
    }
    void check()
    const onHashChange = () => void check()
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [store, hasLocalWork])

  const open = () => {
    if (!pending) return
    const replaced = replaceDesign(store, storage, pending.graph, 'link')
    setPending(undefined)
    clearFragment()
    store.getState().showNotice({
      message: `Opened the shared design “${pending.graph.project.name}”.${keptMessage(replaced)}${leftOut(pending.notes)}`,
      tone: 'info',
      action: { label: 'Undo', kind: 'undo' },
    })
  }
  const keep = () => {
    if (!pending) return
    const example = isUntouchedExample(pending.graph)
    // A built-in example as it ships is never stored: the Examples menu opens it again.
    const kept = example || putAside(storage, pending.graph, 'link-declined')
    setPending(undefined)
    clearFragment()
    store.getState().showNotice({
      message: example
        ? 'Kept your design. The example is in the Examples menu.'
        : kept
          ? 'Kept your design. The shared one is in Import › Recent designs.'
          : 'Kept your design. The shared one could not be stored (browser storage full).',
      tone: kept ? 'info' : 'error',
    })
  }

  return (
    <>
      {pending ? (
        <OpenLinkDialog
          shared={pending.graph}
          mine={store.getState().graph}
          onOpen={open}
          onKeep={keep}
        />
      ) : null}
      {error ? <LinkError message={error} onDismiss={() => setError(undefined)} /> : null}
    </>
  )
}

/** Where the message goes: centred over the canvas, below its palette. */
function placement(): React.CSSProperties | undefined {
  const canvas = document.querySelector('.canvas-column')?.getBoundingClientRect()
  return canvas ? { left: canvas.left + canvas.width / 2, top: canvas.top + 64 } : undefined
}

function LinkError({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const [style] = useState(placement)
  return createPortal(
    <div className="link-error" role="alert" data-testid="link-error" style={style}>
      <Icon name="error" size={16} className="link-error-icon" />
      <div className="link-error-text">
        <strong>This link could not be opened.</strong>
        <span>{message}</span>
        <span className="link-error-calm">Your design is unchanged.</span>
      </div>
      <button type="button" className="modal-close" aria-label="Dismiss" onClick={onDismiss}>
        <Icon name="x" size={14} />
      </button>
    </div>,
    document.body,
  )
}
