'use client'

import { useState } from 'react'
import { Modal } from '@/components/share/modal'
import { Icon } from '@/components/ui/icons'
import { countServices } from '@/lib/import/summary'
import type { KeyValueStorage } from '@/lib/store/persistence'
import {
  RECENT_LIMIT,
  type RecentDesign,
  type RecentReason,
  addRecent,
  readRecent,
  removeRecent,
} from '@/lib/store/recent'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import { useEditorStoreApi } from './editor-store-provider'
import { keptMessage, replaceDesign } from './recent-actions'

const REASONS: Record<RecentReason, string> = {
  link: 'replaced by a shared link',
  'link-declined': 'shared link you did not open',
  import: 'replaced by an import',
  example: 'replaced by an example',
  recent: 'replaced by a recent design',
  new: 'replaced by a new design',
  tab: 'saved over in another tab',
}

/** "just now", "5 min ago", "3 h ago", else the date. */
export function timeAgo(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000))
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`
  return new Date(at).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' })
}

/** A few of a design's own service names, to tell designs of one name apart. */
function someServices(entry: RecentDesign): string {
  const names = Object.keys(entry.graph.services).filter((n) => n !== USER_BUNDLE)
  const shown = names.slice(0, 4).join(', ')
  return names.length > 4 ? `${shown}…` : shown
}

/** The designs put aside on this browser: open one (undoable) or forget it (undoable too). */
export function RecentDialog({
  storage,
  onClose,
}: {
  storage: KeyValueStorage
  onClose: () => void
}) {
  const store = useEditorStoreApi()
  const [list, setList] = useState<RecentDesign[]>(() => readRecent(storage))
  const [now] = useState(() => Date.now())
  // The design forgotten last, until Undo puts it back or the dialog closes.
  const [forgotten, setForgotten] = useState<RecentDesign | undefined>()
  const forget = (entry: RecentDesign) => {
    setList(removeRecent(storage, entry.id))
    setForgotten(entry)
  }
  const unforget = () => {
    if (!forgotten) return
    const { graph, reason, savedAt, source } = forgotten
    addRecent(storage, graph, { reason, now: savedAt, ...(source !== undefined ? { source } : {}) })
    setList(readRecent(storage))
    setForgotten(undefined)
  }
  const open = (entry: RecentDesign) => {
    const replaced = replaceDesign(store, storage, entry.graph, 'recent')
    onClose()
    store.getState().showNotice({
      message: `Opened “${entry.name}”.${keptMessage(replaced)}`,
      tone: 'info',
      action: { label: 'Undo', kind: 'undo' },
    })
  }
  return (
    <Modal
      title="Recent designs"
      icon="undo"
      onClose={onClose}
      testId="recent-dialog"
      footer={
        <button type="button" className="btn btn-default btn-md" onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="modal-lead">
        Designs that New, a shared link, an import or an example replaced, or that another tab saved
        over, kept in this browser (the last {RECENT_LIMIT}).
      </p>
      {forgotten ? (
        <p className="recent-forgotten" role="status">
          Forgot “{forgotten.name || 'untitled'}”.{' '}
          <button type="button" className="link-button" onClick={unforget}>
            Undo
          </button>
        </p>
      ) : null}
      {list.length === 0 ? (
        // Just forgotten, the last one: the line above says so, and offers it back.
        forgotten ? null : (
          <p className="recent-empty">Nothing yet: your designs are all where you left them.</p>
        )
      ) : (
        <ul className="recent-list" aria-label="Recent designs">
          {list.map((entry) => (
            <li key={entry.id} className="recent-item">
              <button
                type="button"
                className="recent-open"
                onClick={() => open(entry)}
                aria-label={`Open ${entry.name}`}
              >
                <span className="recent-name">{entry.name || 'untitled'}</span>
                <span className="recent-meta">
                  {countServices(entry.graph)} · {timeAgo(entry.savedAt, now)} ·{' '}
                  {REASONS[entry.reason]}
                </span>
                <span className="recent-services">{someServices(entry)}</span>
              </button>
              <button
                type="button"
                className="modal-close"
                aria-label={`Forget ${entry.name}`}
                title="Forget this design"
                onClick={() => forget(entry)}
              >
                <Icon name="trash" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  )
}
