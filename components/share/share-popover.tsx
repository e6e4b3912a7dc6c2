'use client'

import { useEffect, useRef } from 'react'
import { Icon } from '@/components/ui/icons'
import { shortcutText } from '@/components/ui/platform'
import type { ServiceGraph } from '@/lib/graph/types'
import { LINK_COMFORT_LENGTH, LINK_MAX_RECOMMENDED } from '@/lib/share/codec'
import { downloadGraphJson, graphFileName } from './download-graph'
import { copyText, sharedGraph } from './share-link'

export type ShareState =
  | { status: 'working' }
  | { status: 'ready'; url: string; copied: boolean; secrets: number; graph: ServiceGraph }
  | { status: 'error'; message: string; graph: ServiceGraph }

const count = (n: number) => n.toLocaleString('en')

function LengthNote({ length }: { length: number }) {
  if (length > LINK_MAX_RECOMMENDED) {
    return (
      <div className="share-note share-note-danger" data-testid="share-too-long">
        <Icon name="warning" size={15} />
        <span>
          <strong>Too long for most chat apps and some browsers.</strong> Above{' '}
          {count(LINK_MAX_RECOMMENDED)} characters a link often arrives cut off. Send the graph JSON
          file instead; it opens with Import.
        </span>
      </div>
    )
  }
  if (length > LINK_COMFORT_LENGTH) {
    return (
      <div className="share-note share-note-warning" data-testid="share-long">
        <Icon name="warning" size={15} />
        <span>
          Some chat apps cut links longer than {count(LINK_COMFORT_LENGTH)} characters. If it
          arrives damaged, send the graph JSON file instead.
        </span>
      </div>
    )
  }
  return null
}

/** The Share popover: the link (copied, or selected for copying by hand), its length, the file. */
export function SharePopover({
  id,
  state,
  fallbackGraph,
  onCopied,
  onClose,
}: {
  id: string
  state: ShareState
  fallbackGraph: ServiceGraph
  onCopied: (copied: boolean) => void
  onClose: () => void
}) {
  const fieldRef = useRef<HTMLInputElement>(null)
  const ready = state.status === 'ready' ? state : undefined
  const graph = state.status === 'working' ? fallbackGraph : state.graph

  useEffect(() => {
    if (!ready) return
    const field = fieldRef.current
    if (!field) return
    field.focus()
    // Selected backwards, so the field shows the start of the link (the site), not its tail.
    field.setSelectionRange(0, field.value.length, 'backward')
    field.scrollLeft = 0
  }, [ready])

  const download = () => downloadGraphJson(sharedGraph(graph))
  const tooLong = ready !== undefined && ready.url.length > LINK_MAX_RECOMMENDED

  return (
    <div
      id={id}
      className="share-popover"
      role="dialog"
      aria-label="Share link"
      data-testid="share-popover"
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape') {
          e.preventDefault()
          onClose()
        }
      }}
    >
      <div className="share-head">
        <span className="share-title">Share this design</span>
        {ready ? (
          ready.copied ? (
            <span className="share-status is-ok" role="status">
              <Icon name="check" size={14} /> Link copied
            </span>
          ) : (
            <span className="share-status" role="status">
              Press {shortcutText(['Ctrl', 'C'])} to copy
            </span>
          )
        ) : null}
      </div>
      {state.status === 'error' ? (
        <div className="share-note share-note-danger" role="alert">
          <Icon name="error" size={15} />
          <span>{state.message}</span>
        </div>
      ) : (
        <>
          <div className="share-field-row">
            <input
              ref={fieldRef}
              className="share-field"
              readOnly
              aria-label="Share link"
              value={ready ? ready.url : 'Making the link…'}
              onFocus={(e) =>
                e.currentTarget.setSelectionRange(0, e.currentTarget.value.length, 'backward')
              }
            />
            <button
              type="button"
              className="btn btn-default btn-sm"
              disabled={!ready}
              onClick={async () => {
                if (ready) onCopied(await copyText(ready.url, fieldRef.current))
              }}
            >
              <Icon name="copy" size={13} />
              <span className="btn-label">Copy</span>
            </button>
          </div>
          {ready ? (
            <p className="share-meta" data-testid="share-length">
              <span className="share-length">{count(ready.url.length)} characters</span>
              {ready.secrets > 0
                ? ` · ${ready.secrets} secret ${ready.secrets === 1 ? 'value is' : 'values are'} left out`
                : null}
            </p>
          ) : null}
          {ready ? <LengthNote length={ready.url.length} /> : null}
          <p className="share-explain">
            The design travels inside the link (after the #); no server stores it. Opening it never
            overwrites anyone’s own work.
          </p>
        </>
      )}
      <div className="share-foot">
        <button
          type="button"
          className={`btn ${tooLong || state.status === 'error' ? 'btn-primary' : 'btn-ghost'} btn-md share-download`}
          onClick={download}
        >
          <Icon name="download" size={15} />
          <span className="btn-label">Download graph JSON</span>
        </button>
        <span className="share-file">{graphFileName(graph.project.name)}</span>
      </div>
    </div>
  )
}
