'use client'

import './share.css'
import { useCallback, useRef, useState } from 'react'
import { browserStorage } from '@/components/editor/boot'
import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { OpenLinkHandler } from '@/components/editor/open-link-handler'
import { RecentDialog } from '@/components/editor/recent-dialog'
import { keptMessage, replaceDesign } from '@/components/editor/recent-actions'
import type { ImportResult } from '@/lib/import/import'
import { DropOverlay } from './drop-overlay'
import { ImportMenu } from './import-menu'
import { ImportRefusedDialog, ImportReportDialog } from './import-report-dialog'
import { type Picked, droppedData, pickedFile, pickedFolder } from './read-dropped'
import { runImport } from './run-import'

type Shown =
  | {
      kind: 'report'
      name: string
      result: Extract<ImportResult, { ok: true }>
      keptNote: string
      /** Opened again from the menu, not right after the import. */
      again?: boolean
    }
  | { kind: 'refused'; message: string }
  | { kind: 'recent' }
  | undefined

/**
 * Import: a zip or graph JSON file, a folder, or a drop anywhere on the page becomes the
 * design (undoable; the previous one goes to Recent designs), with a report of what was read.
 * Also the entry to Recent designs, and where shared links are opened.
 */
export function ImportButton() {
  const store = useEditorStoreApi()
  const [storage] = useState(browserStorage)
  const [shown, setShown] = useState<Shown>()
  // The last import's report, to open again from the menu after Done.
  const [last, setLast] = useState<Extract<Shown, { kind: 'report' }>>()
  const [busy, setBusy] = useState(false)
  const fileRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)

  const apply = useCallback(
    async (picking: Promise<Picked> | undefined) => {
      if (!picking) return
      setBusy(true)
      try {
        const picked = await picking.catch((error: unknown): Picked => ({
          kind: 'refused',
          name: 'the selection',
          error: `It could not be read (${error instanceof Error ? error.message : String(error)}).`,
        }))
        const result = await runImport(picked)
        if (!result.ok) {
          setShown({ kind: 'refused', message: result.error })
          return
        }
        const replaced = replaceDesign(store, storage, result.graph, 'import')
        const report = {
          kind: 'report' as const,
          name: picked.name,
          result,
          keptNote: keptMessage(replaced),
        }
        setShown(report)
        setLast({ ...report, again: true })
      } finally {
        setBusy(false)
      }
    },
    [store, storage],
  )

  const close = () => setShown(undefined)

  return (
    <>
      <ImportMenu
        busy={busy}
        onFile={() => fileRef.current?.click()}
        onFolder={() => folderRef.current?.click()}
        onRecent={() => setShown({ kind: 'recent' })}
        onLastReport={last ? () => setShown(last) : undefined}
      />
      <input
        ref={fileRef}
        type="file"
        hidden
        accept=".zip,.json,application/zip,application/json"
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (file) void apply(pickedFile(file))
        }}
      />
      <input
        ref={(el) => {
          folderRef.current = el
          // React has no prop for these; they make the picker choose folders.
          el?.setAttribute('webkitdirectory', '')
          el?.setAttribute('directory', '')
        }}
        type="file"
        hidden
        multiple
        data-testid="import-folder-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? [])
          e.currentTarget.value = ''
          // The browser gives no files for an empty folder: say so rather than nothing.
          if (files.length > 0) void apply(pickedFolder(files))
          else
            setShown({
              kind: 'refused',
              message: 'That folder is empty: there is no s6-rc tree in it to import.',
            })
        }}
      />
      <DropOverlay onDrop={(data) => void apply(droppedData(data))} />
      <OpenLinkHandler storage={storage} />
      {shown?.kind === 'report' ? (
        <ImportReportDialog
          name={shown.name}
          result={shown.result}
          keptNote={shown.keptNote}
          onClose={close}
          // Opened again later, the design may have moved on: no Undo import then.
          onUndo={
            shown.again
              ? undefined
              : () => {
                  store.getState().undo()
                  close()
                }
          }
        />
      ) : null}
      {shown?.kind === 'refused' ? (
        <ImportRefusedDialog message={shown.message} onClose={close} />
      ) : null}
      {shown?.kind === 'recent' ? <RecentDialog storage={storage} onClose={close} /> : null}
    </>
  )
}
