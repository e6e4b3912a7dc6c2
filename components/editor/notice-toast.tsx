'use client'

import { useEffect, useRef, useState } from 'react'
import { refocusCanvas } from '@/components/ui/focus-fallback'
import { Icon } from '@/components/ui/icons'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'

const SHOW_MS = 6000

/**
 * The one notice at a time: near the cursor when it has an anchor, else at the bottom. It stays
 * while the pointer or the focus is on it. Screen readers hear it through live regions that
 * stay mounted (a region added with its text already in it is often not read).
 */
export function NoticeToast() {
  const store = useEditorStoreApi()
  const notice = useEditorStore((s) => s.ui.notice)
  // An edit or an undo after the notice's change: its Undo would undo something else.
  const actionApplies = useEditorStore((s) =>
    s.ui.notice ? s.noticeActionApplies(s.ui.notice.id) : false,
  )
  // The notice the pointer or the focus is on: its timer waits.
  const [heldId, setHeldId] = useState<number | undefined>()
  const held = notice !== undefined && heldId === notice.id
  const shown = useRef(false)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!notice || held) return
    const id = setTimeout(() => store.getState().dismissNotice(notice.id), SHOW_MS)
    return () => clearTimeout(id)
  }, [notice, held, store])
  // Gone with the focus in it (the focus fell to the page): it goes back to the canvas.
  useEffect(() => {
    if (notice) shown.current = true
    else if (shown.current) {
      shown.current = false
      refocusCanvas()
    }
  }, [notice])
  const style = notice?.anchor
    ? {
        left: Math.min(notice.anchor.x + 14, window.innerWidth - 340),
        top: Math.min(notice.anchor.y + 14, window.innerHeight - 80),
      }
    : undefined
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite">
        {notice && notice.tone !== 'error' ? notice.message : ''}
      </div>
      <div className="sr-only" role="alert" aria-live="assertive">
        {notice?.tone === 'error' ? notice.message : ''}
      </div>
      {notice ? (
        <div
          ref={box}
          className={`notice notice-${notice.tone}${notice.anchor ? ' is-anchored' : ''}`}
          style={style}
          data-testid="notice"
          onPointerEnter={(e) => {
            // A drag passing over it (a button held) is not someone reading it.
            if (e.buttons === 0) setHeldId(notice.id)
          }}
          onPointerLeave={() => {
            if (!box.current?.contains(document.activeElement)) setHeldId(undefined)
          }}
          onFocus={() => setHeldId(notice.id)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeldId(undefined)
          }}
        >
          <Icon
            name={notice.tone === 'error' ? 'error' : 'info'}
            size={15}
            className="notice-icon"
          />
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
      ) : null}
    </>
  )
}
