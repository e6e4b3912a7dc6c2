'use client'

import { type UIEvent, memo, useEffect, useMemo, useRef, useState } from 'react'
import { CopyTextButton } from '@/components/export/copy-text-button'
import type { GeneratedFile } from '@/lib/generate/file-map'
import type { Token } from '@/lib/highlight/tokens'
import {
  fileLanguage,
  fileNote,
  highlight,
  languageLabel,
  tokenLines,
} from '@/lib/preview/file-language'
import { dockerfileStage } from '@/lib/preview/install-snippet'
import { lineChanges } from '@/lib/preview/line-diff'

const LINE_H = 19
/** Files longer than this are drawn a screenful at a time. */
const WINDOW_FROM = 400

const Line = memo(function Line({
  n,
  tokens,
  inserted,
  deletedBefore,
  top,
}: {
  n: number
  tokens: Token[]
  inserted: boolean
  deletedBefore: number
  top?: number
}) {
  return (
    <div
      className={`fv-line${inserted ? ' is-inserted' : ''}${deletedBefore ? ' has-deleted' : ''}`}
      style={top === undefined ? undefined : { position: 'absolute', top, left: 0, right: 0 }}
      title={
        deletedBefore
          ? `${deletedBefore} line${deletedBefore === 1 ? '' : 's'} removed above`
          : undefined
      }
    >
      <span className="fv-n" aria-hidden="true">
        {n}
      </span>
      <span className="fv-code">
        {/* An empty line is a <br>: a line high on screen, one line break when copied. */}
        {tokens.length === 0 ? (
          <br />
        ) : (
          tokens.map((t, i) =>
            t.type === 'plain' ? (
              t.text
            ) : (
              <span key={i} className={`tok-${t.type}`}>
                {t.text}
              </span>
            ),
          )
        )}
      </span>
    </div>
  )
})

/**
 * One file of the export: highlighted, with line numbers, its mode, a copy button, and the
 * lines the last edit added (removed ones marked between lines). Long files are drawn in a
 * window that follows the scroll.
 */
export function FileViewer({
  path,
  file,
  previous,
  isNew,
}: {
  path: string
  file: GeneratedFile
  /** The file before the last edit, when it changed. */
  previous: string | undefined
  isNew: boolean
}) {
  const language = fileLanguage(path, file.contents)
  const lines = useMemo(
    () => tokenLines(highlight(language, file.contents)),
    [language, file.contents],
  )
  const changes = useMemo(
    () => (previous !== undefined ? lineChanges(previous, file.contents) : undefined),
    [previous, file.contents],
  )
  const inserted = (i: number) => isNew || (changes?.inserted.has(i) ?? false)
  const changedCount = isNew ? lines.length : (changes?.inserted.size ?? 0)
  const removedCount = changes ? [...changes.deleted.values()].reduce((a, b) => a + b, 0) : 0
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState({ top: 0, height: 400 })
  const windowed = lines.length > WINDOW_FROM

  // Bring the first changed line into view when the file or its changes change.
  const first = isNew
    ? undefined
    : changes
      ? Math.min(...changes.inserted, ...changes.deleted.keys())
      : undefined
  useEffect(() => {
    const el = scroller.current
    if (!el || first === undefined || !Number.isFinite(first)) return
    const y = first * LINE_H
    if (y < el.scrollTop || y > el.scrollTop + el.clientHeight - LINE_H * 2)
      el.scrollTop = Math.max(0, y - el.clientHeight / 3)
  }, [first, path])

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    if (windowed) setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
  }
  const from = windowed ? Math.max(0, Math.floor(view.top / LINE_H) - 30) : 0
  const to = windowed
    ? Math.min(lines.length, Math.ceil((view.top + view.height) / LINE_H) + 30)
    : lines.length
  const slash = path.lastIndexOf('/')
  const note = fileNote(path)
  const mode = file.executable ? '0755' : '0644'

  return (
    <section className="fv" aria-label={`File ${path}`} data-path={path}>
      <header className="fv-head">
        <div className="fv-title">
          <span className="fv-dir">{path.slice(0, slash + 1)}</span>
          <span className="fv-file">{path.slice(slash + 1)}</span>
        </div>
        <span
          className={`fv-mode${file.executable ? ' is-exec' : ''}`}
          title={file.executable ? 'Executable: written with mode 0755' : 'Written with mode 0644'}
          data-testid="file-mode"
        >
          {mode}
          {file.executable ? ' executable' : ''}
        </span>
        <span className="fv-lang">{languageLabel(language)}</span>
        {isNew ? (
          <span className="fv-change is-new">new file</span>
        ) : changedCount || removedCount ? (
          <span className="fv-change">
            {changedCount ? `+${changedCount}` : ''}
            {changedCount && removedCount ? ' ' : ''}
            {removedCount ? `−${removedCount}` : ''} lines
          </span>
        ) : null}
        {language === 'dockerfile' ? (
          <CopyTextButton
            text={() => dockerfileStage(file.contents)}
            label="Copy stage"
            title="Copy the stage, from its FROM line down, for your own Dockerfile"
          />
        ) : null}
        <CopyTextButton text={file.contents} title={`Copy ${path.slice(slash + 1)}`} />
      </header>
      {note ? <p className="fv-note">{note}</p> : null}
      <div
        className="fv-body"
        ref={scroller}
        onScroll={onScroll}
        // Focusable, so the arrow keys scroll long lines into view.
        tabIndex={0}
        role="region"
        aria-label={`Contents of ${path}`}
      >
        {lines.length === 0 ? (
          <p className="fv-empty">Empty file: its name is what counts.</p>
        ) : (
          // Long files draw only the lines in view, each placed at its own offset.
          <div
            className="fv-lines"
            style={windowed ? { height: lines.length * LINE_H, position: 'relative' } : undefined}
          >
            {(windowed ? lines.slice(from, to) : lines).map((tokens, k) => {
              const i = (windowed ? from : 0) + k
              return (
                <Line
                  key={i}
                  n={i + 1}
                  tokens={tokens}
                  inserted={inserted(i)}
                  deletedBefore={changes?.deleted.get(i) ?? 0}
                  top={windowed ? i * LINE_H : undefined}
                />
              )
            })}
          </div>
        )}
        {changes && changes.deleted.get(lines.length) ? (
          <div className="fv-line has-deleted fv-end" title="Lines removed at the end" />
        ) : null}
      </div>
    </section>
  )
}
