'use client'

import { memo, useEffect, useRef } from 'react'
import type { FileTreeRow } from '@/lib/preview/file-tree'
import { scrollWithin } from '@/components/ui/scroll-within'

export type RowMark = 'added' | 'changed' | 'touched' | undefined

const sameRow = (a: FileTreeRow, b: FileTreeRow) =>
  a.path === b.path &&
  a.name === b.name &&
  a.guide === b.guide &&
  a.expanded === b.expanded &&
  a.size === b.size

/** A row, redrawn only when what it shows changes (the rows are rebuilt on every export). */
const TreeRow = memo(
  function TreeRow({
    row,
    mark,
    selected,
    onOpen,
    onToggle,
    note,
  }: {
    row: FileTreeRow
    mark: RowMark
    selected: boolean
    onOpen: (path: string) => void
    onToggle: (path: string) => void
    note: string | undefined
  }) {
    const isDir = row.kind === 'dir'
    return (
      <li
        className={`ft-row is-${row.kind}${selected ? ' is-selected' : ''}${mark ? ` mark-${mark}` : ''}`}
        data-path={row.path}
      >
        <button
          type="button"
          className="ft-button"
          aria-expanded={isDir ? row.expanded : undefined}
          aria-current={selected ? 'true' : undefined}
          onClick={() => (isDir ? onToggle(row.path) : onOpen(row.path))}
          title={row.path}
        >
          <span className="ft-guide" aria-hidden="true">
            {row.guide}
          </span>
          {isDir ? (
            <span className={`ft-caret${row.expanded ? ' is-open' : ''}`} aria-hidden="true">
              ▸
            </span>
          ) : null}
          <span className="ft-name">{row.name}</span>
          {isDir && !row.expanded ? <span className="ft-size">{row.size}</span> : null}
          {note ? <span className="ft-note">{note}</span> : null}
          {mark === 'added' ? (
            <span className="ft-mark" title="Added by the last edit">
              new
            </span>
          ) : mark === 'changed' ? (
            <span className="ft-mark" title="Changed by the last edit">
              changed
            </span>
          ) : mark === 'touched' ? (
            <span className="ft-dot" title="Holds files the last edit changed" />
          ) : null}
        </button>
      </li>
    )
  },
  (a, b) =>
    sameRow(a.row, b.row) &&
    a.mark === b.mark &&
    a.selected === b.selected &&
    a.note === b.note &&
    a.onOpen === b.onOpen &&
    a.onToggle === b.onToggle,
)

/**
 * The export's folder tree, drawn like the README's directory diagram; folders open and close,
 * files open in the viewer. Files the last edit added or changed are marked, and so are the
 * folders that hold them.
 */
export function FileTreeView({
  rows,
  selected,
  markOf,
  noteOf,
  onOpen,
  onToggle,
}: {
  rows: FileTreeRow[]
  selected: string | undefined
  markOf: (row: FileTreeRow) => RowMark
  noteOf: (row: FileTreeRow) => string | undefined
  onOpen: (path: string) => void
  onToggle: (path: string) => void
}) {
  const ref = useRef<HTMLUListElement>(null)
  useEffect(() => {
    if (!selected) return
    const el = ref.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(selected)}"]`)
    // Only when it is out of sight, and then with its neighbours around it.
    if (el) scrollWithin(el, 0.5, { onlyIfHidden: true })
  }, [selected])
  return (
    <ul className="ft" ref={ref} aria-label="Files of the export">
      {rows.map((r) => (
        <TreeRow
          key={r.path}
          row={r}
          mark={markOf(r)}
          selected={r.path === selected}
          onOpen={onOpen}
          onToggle={onToggle}
          note={noteOf(r)}
        />
      ))}
    </ul>
  )
}
