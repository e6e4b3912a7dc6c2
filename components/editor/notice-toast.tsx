'use client'

import { useEffect } from 'react'
import { Icon } from '@/components/ui/icons'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'

const SHOW_MS = 6000

/** The one notice at a time: near the cursor when it has an anchor, else at the bottom. */
export function NoticeToast() {
  const store = useEditorStoreApi()
  const notice = useEditorStore((s) => s.ui.notice)
  // An edit or an undo after the notice's change: its Undo would undo something else.
  const actionApplies = useEditorStore((s) =>
    s.ui.notice ? s.noticeActionApplies(s.ui.notice.id) : false,
  )
  useEffect(() => {
    if (!notice) return
    const id = setTimeout(() => store.getState().dismissNotice(notice.id), SHOW_MS)
    return () => clearTimeout(id)
  }, [notice, store])
  if (!notice) return null
  const style = notice.anchor
    ? {
        left: Math.min(notice.anchor.x + 14, window.innerWidth - 340),
        top: Math.min(notice.anchor.y + 14, window.innerHeight - 80),
      }
    : undefined
  return (
    <div
      className={`notice notice-${notice.tone}${notice.anchor ? ' is-anchored' : ''}`}
      style={style}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <Icon name={notice.tone === 'error' ? 'error' : 'info'} size={15} className="notice-icon" />
      <span className="notice-text">{notice.message}</span>
      {notice.action && actionApplies ? (
        <button
          type="button"
          className="notice-action"
          onClick={() => store.getState().runNoticeAction(notice.id)}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => store.getState().dismissNotice(notice.id)}
      >
        <Icon name="x" size={13} />
      </button>
    </div>
  )
}
