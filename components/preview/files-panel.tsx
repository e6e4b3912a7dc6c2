'use client'

import './files.css'
import { type Dispatch, type SetStateAction, memo, useCallback, useEffect, useMemo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { selectSingleSelected } from '@/lib/store/selectors'
import {
  type FileTreeRow,
  ancestorsOf,
  buildFileTree,
  initiallyClosed,
  serviceMainFile,
  visibleRows,
} from '@/lib/preview/file-tree'
import { FileTreeView, type RowMark } from './file-tree-view'
import { FileViewer } from './file-viewer'
import type { ExportView } from './use-export-view'

export interface FilesState {
  selected?: string
  /** Closed folders; undefined until the first export is shown (then a default). */
  closed?: ReadonlySet<string>
  /** The export generation the state belongs to (a new design starts over). */
  generation?: number
}

const EMPTY: ReadonlySet<string> = new Set()
const SERVICE_DIR = /\/(?:s6-rc\.d|user-bundles\.d)\/([^/]+)$/

/**
 * Files: the export's folder tree beside a viewer for the chosen file. Selecting a service on
 * the canvas opens its folder and main file. The last edit's additions and changes are marked.
 * Memoized: the dock redraws on every edit, this panel only once the export view changes.
 */
export const FilesPanel = memo(function FilesPanel({
  view,
  state,
  onState,
}: {
  view: ExportView
  state: FilesState
  onState: Dispatch<SetStateAction<FilesState>>
}) {
  const { files, changes, previous, graph } = view
  const paths = useMemo(() => [...files.keys()], [files])
  const tree = useMemo(() => buildFileTree(paths), [paths])
  const stale = state.generation !== view.generation
  // Folds are kept in the state once set, so an edit never recomputes them (new folders open).
  const defaultClosed = useMemo(
    () => (stale || !state.closed ? initiallyClosed(tree) : undefined),
    [stale, state.closed, tree],
  )
  const closed = defaultClosed ?? state.closed ?? EMPTY
  const dockerfile = paths.find((p) => p.endsWith('/Dockerfile') || p === 'Dockerfile')
  const selected =
    !stale && state.selected && files.has(state.selected) ? state.selected : dockerfile
  const rows = useMemo(() => visibleRows(tree, (p) => !closed.has(p)), [tree, closed])
  const generation = view.generation
  useEffect(() => {
    if (defaultClosed)
      onState((prev) => ({
        closed: defaultClosed,
        generation,
        ...(prev.generation === generation && prev.selected ? { selected: prev.selected } : {}),
      }))
  }, [defaultClosed, generation, onState])

  /** Opens the folders above `path` and shows it. */
  const reveal = useCallback(
    (path: string) =>
      onState((prev) => {
        const open = new Set(prev.closed)
        for (const a of ancestorsOf(path)) open.delete(a)
        return { ...prev, selected: path, closed: open }
      }),
    [onState],
  )

  // A service selected on the canvas: open its folder and show its main file.
  const single = useEditorStore(selectSingleSelected)
  const singleType = single !== undefined ? graph.services[single]?.type : undefined
  useEffect(() => {
    if (single === undefined || singleType === undefined) return
    const main = serviceMainFile(paths, single, singleType)
    if (main) reveal(main)
    // Only a change of selection moves the view; edits keep the file the user is looking at.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [single, singleType])

  // Stable for the whole life of the panel, so rows do not redraw on every edit.
  const onToggle = useCallback(
    (path: string) =>
      onState((prev) => {
        const next = new Set(prev.closed)
        if (next.has(path)) next.delete(path)
        else next.add(path)
        return { ...prev, closed: next }
      }),
    [onState],
  )
  const onOpen = useCallback(
    (path: string) => onState((prev) => ({ ...prev, selected: path })),
    [onState],
  )

  const markOf = useCallback(
    (row: FileTreeRow): RowMark =>
      changes.added.has(row.path)
        ? 'added'
        : changes.changed.has(row.path)
          ? 'changed'
          : row.kind === 'dir' && changes.touchedDirs.has(row.path)
            ? 'touched'
            : undefined,
    [changes],
  )
  const noteOf = useCallback(
    (row: FileTreeRow) => {
      if (row.kind !== 'dir') return undefined
      const m = SERVICE_DIR.exec(row.path)
      const s = m ? graph.services[m[1]!] : undefined
      return s ? s.type : undefined
    },
    [graph],
  )

  const file = selected ? files.get(selected) : undefined
  const edited = [...changes.added, ...changes.changed]
  return (
    <div className="pv pv-files">
      <div className="files-side">
        {edited.length > 0 || changes.removed.length > 0 ? (
          <div className="files-changes" data-testid="last-edit">
            <span className="files-changes-title">Last edit</span>
            {edited.slice(0, 6).map((p) => (
              <button
                key={p}
                type="button"
                className={`files-change ${changes.added.has(p) ? 'is-added' : 'is-changed'}`}
                onClick={() => reveal(p)}
                title={p}
              >
                {changes.added.has(p) ? '+' : '~'} {p.split('/').slice(-2).join('/')}
              </button>
            ))}
            {edited.length > 6 ? <span className="files-more">+{edited.length - 6}</span> : null}
            {changes.removed.length > 0 ? (
              <span className="files-removed" title={changes.removed.join('\n')}>
                − {changes.removed.length} removed
              </span>
            ) : null}
          </div>
        ) : null}
        <div className="files-tree">
          <FileTreeView
            rows={rows}
            selected={selected}
            markOf={markOf}
            noteOf={noteOf}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        </div>
      </div>
      {selected && file ? (
        <FileViewer
          path={selected}
          file={file}
          isNew={changes.added.has(selected)}
          previous={changes.changed.has(selected) ? previous?.get(selected)?.contents : undefined}
        />
      ) : (
        <p className="pv-empty">Choose a file.</p>
      )}
    </div>
  )
})
