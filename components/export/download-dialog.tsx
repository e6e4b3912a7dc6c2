'use client'

import { useEffect, useRef } from 'react'
import { Icon } from '@/components/ui/icons'
import type { Diagnostic } from '@/lib/graph/types'

const SHOWN = 8

/**
 * Asked before downloading a design with errors: what will be wrong in the files, with
 * "Download anyway" and "Cancel" (the default, also Escape).
 */
export function DownloadDialog({
  errors,
  onDownload,
  onCancel,
  onShowProblems,
}: {
  errors: Diagnostic[]
  onDownload: () => void
  onCancel: () => void
  onShowProblems: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const dialog = ref.current
    // showModal focuses the first button; the safe choice, Cancel, is the one to start on. The
    // focus goes back where it was when the dialog closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    cancel.current?.focus()
    return () => {
      dialog?.close()
      if (before?.isConnected) before.focus()
    }
  }, [])
  const n = errors.length
  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="download-dialog-title"
      aria-describedby="download-dialog-text"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      <div className="export-dialog-head">
        <Icon name="error" size={20} className="export-dialog-icon" />
        <h2 id="download-dialog-title">
          The design has {n} error{n === 1 ? '' : 's'}
        </h2>
      </div>
      <p id="download-dialog-text">
        The zip will hold what can be written, but the image will not work as designed until{' '}
        {n === 1 ? 'this is' : 'these are'} fixed:
      </p>
      <ul className="export-dialog-list">
        {errors.slice(0, SHOWN).map((d, i) => (
          <li key={i}>
            {d.service ? <code>{d.service}</code> : null}
            <span>{d.message}</span>
          </li>
        ))}
      </ul>
      {n > SHOWN ? <p className="export-dialog-more">…and {n - SHOWN} more.</p> : null}
      <div className="export-dialog-actions">
        <button type="button" className="btn btn-ghost btn-md" onClick={onShowProblems}>
          Show problems
        </button>
        <span className="export-dialog-spacer" />
        <button ref={cancel} type="button" className="btn btn-default btn-md" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger btn-md" onClick={onDownload}>
          <Icon name="download" size={15} />
          <span className="btn-label">Download anyway</span>
        </button>
      </div>
    </dialog>
  )
}
