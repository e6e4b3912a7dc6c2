'use client'

import './export.css'
import { useState } from 'react'
import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Button } from '@/components/ui/button'
import type { FileMap } from '@/lib/generate/file-map'
import { unsaidProblems } from '@/lib/generate/unsaid-problems'
import type { Diagnostic } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { dockerfileStage, installCommand, zipFileName } from '@/lib/preview/install-snippet'
import { showProblems } from '@/components/editor/show-problems'
import { DownloadDialog } from './download-dialog'
import { ExportMenu } from './export-menu'
import { loadExporter } from './load-exporter'

/** Saves bytes as a file through a temporary link. */
function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

interface Pending {
  files: FileMap
  name: string
  errors: Diagnostic[]
}

/**
 * The top bar's export: "Download zip" builds the zip in the browser with the same bytes as
 * `s6-designer export --out x.zip`; a design with errors asks first. Beside it, a menu copies
 * the Dockerfile stage or a one-line install command. The generators start loading as the
 * pointer or focus comes to these buttons, the zip writer on first use.
 */
export function DownloadButton() {
  const store = useEditorStoreApi()
  const [busy, setBusy] = useState(false)
  const [pending, setPending] = useState<Pending | undefined>()

  const preload = () => void loadExporter().catch(() => undefined)
  const fail = (what: string, error: unknown) =>
    store.getState().showNotice({
      message: `${what}: ${error instanceof Error ? error.message : String(error)}`,
      tone: 'error',
    })

  const write = async (files: FileMap, name: string) => {
    setBusy(true)
    try {
      const { zipFiles } = await import('@/lib/export/zip')
      save(await zipFiles(files), name)
      store.getState().announce(`Downloading ${name}.`)
    } catch (error) {
      fail('The zip could not be made', error)
    } finally {
      setBusy(false)
    }
  }

  const start = async () => {
    const graph = store.getState().graph
    let exporter: Awaited<ReturnType<typeof loadExporter>>
    try {
      exporter = await loadExporter()
    } catch (error) {
      fail('The exporter could not be loaded', error)
      return
    }
    const { files, problems } = exporter.exportResult(graph)
    const found = validate(graph)
    const errors = [...found, ...unsaidProblems(found, problems)].filter(
      (d) => d.severity === 'error',
    )
    const name = zipFileName(graph.project.name)
    if (errors.length > 0) setPending({ files, name, errors })
    else void write(files, name)
  }

  const copy = async (what: string, text: () => string | Promise<string>) => {
    try {
      await navigator.clipboard.writeText(await text())
      store.getState().showNotice({ message: `Copied ${what}.`, tone: 'info' })
    } catch {
      store.getState().showNotice({ message: `Could not copy ${what}.`, tone: 'error' })
    }
  }

  return (
    <div className="export-split" onPointerEnter={preload} onFocus={preload}>
      <Button
        variant="primary"
        icon="download"
        // Not disabled while busy: that would drop the keyboard focus to the page.
        aria-disabled={busy}
        aria-busy={busy}
        aria-label="Download zip"
        title="Download the s6-rc tree, Dockerfile stage, build script and README as a zip"
        onClick={() => {
          if (!busy) void start()
        }}
      >
        {busy ? 'Preparing…' : 'Download'}
      </Button>
      <ExportMenu
        items={[
          {
            id: 'stage',
            label: 'Copy the Dockerfile stage',
            description: 'From its FROM line down, to paste into your own Dockerfile.',
            icon: 'file',
            onSelect: () =>
              void copy('the Dockerfile stage', async () => {
                const { exportResult } = await loadExporter()
                const files = exportResult(store.getState().graph).files
                const path = [...files.keys()].find(
                  (p) => p === 'Dockerfile' || p.endsWith('/Dockerfile'),
                )
                return dockerfileStage(path ? (files.get(path)?.contents ?? '') : '')
              }),
          },
          {
            id: 'install',
            label: 'Copy the install command',
            description: 'Unzips the download at the repository root and builds the image.',
            icon: 'download',
            onSelect: () =>
              void copy('the install command', () => installCommand(store.getState().graph)),
          },
        ]}
      />
      {pending ? (
        <DownloadDialog
          errors={pending.errors}
          onCancel={() => setPending(undefined)}
          onShowProblems={() => {
            setPending(undefined)
            showProblems(store)
          }}
          onDownload={() => {
            setPending(undefined)
            void write(pending.files, pending.name)
          }}
        />
      ) : null}
    </div>
  )
}
