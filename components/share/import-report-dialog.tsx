'use client'

import { useState } from 'react'
import { Icon } from '@/components/ui/icons'
import type { ReadAction, ReadReport } from '@/lib/graph/read-tree'
import type { Diagnostic, Severity } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { countServices } from '@/lib/import/summary'
import type { ImportResult } from '@/lib/import/import'
import { Modal } from './modal'

type Imported = Extract<ImportResult, { ok: true }>

const ACTIONS: { action: ReadAction; label: string; hint: string }[] = [
  { action: 'read', label: 'Read', hint: 'taken into the design as they are' },
  { action: 'converted', label: 'Converted', hint: 'rewritten into the designer’s fields' },
  {
    action: 'kept',
    label: 'Kept verbatim',
    hint: 'kept as written: a line as a script body, a file as an extra file',
  },
  { action: 'ignored', label: 'Ignored', hint: 'not part of the design' },
]

const SEVERITIES: { severity: Severity; label: string }[] = [
  { severity: 'error', label: 'error' },
  { severity: 'warning', label: 'warning' },
  { severity: 'info', label: 'note' },
]

/** At most this many paths per group; the rest is counted. */
const MAX_ROWS = 300

function source(report: ReadReport): string | undefined {
  if (report.graphFile !== undefined) return report.graphFile
  const dir = report.sourceDir ?? report.userBundlesDir ?? report.rootfsDir
  return dir === undefined ? undefined : dir || 'the top folder'
}

/** A path with break opportunities after each slash, so long paths wrap between folders. */
function BreakablePath({ path }: { path: string }) {
  const parts = path.split('/')
  return (
    <code title={path}>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </span>
      ))}
    </code>
  )
}

/** The folder every reported path starts with (the image root), shown once instead. */
function commonBase(report: ReadReport): string {
  const base = report.rootfsDir
  if (!base) return ''
  const prefix = `${base}/`
  return report.entries.every((e) => e.path.startsWith(prefix) || e.path === '.' || e.path === '')
    ? prefix
    : ''
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function Diagnostics({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null
  return (
    <details className="report-group" open={diagnostics.length <= 8}>
      <summary>
        Remarks on the files <span className="report-count">{diagnostics.length}</span>
      </summary>
      <ul className="report-diags">
        {diagnostics.slice(0, MAX_ROWS).map((d, i) => (
          <li key={i} className={`report-diag is-${d.severity}`}>
            <Icon name={d.severity === 'info' ? 'info' : d.severity} size={14} />
            <span>
              {d.service ? <code>{d.service}</code> : null}
              {d.file ? <code>{d.file}</code> : null} {d.message}{' '}
              <a href={`/docs/diagnostics/${d.code}/`} target="_blank" rel="noreferrer">
                {d.code}
              </a>
            </span>
          </li>
        ))}
      </ul>
    </details>
  )
}

/** What an import read, converted, kept verbatim and ignored, with the remarks on the files. */
export function ImportReportDialog({
  name,
  result,
  keptNote,
  onUndo,
  onClose,
}: {
  name: string
  result: Imported
  /** Where the replaced design went (from `keptMessage`). */
  keptNote: string
  /** Offered right after the import only. */
  onUndo: (() => void) | undefined
  onClose: () => void
}) {
  const { report, diagnostics, graph } = result
  // The files' remarks say how the tree was read; whether the design stands is validation's.
  const [design] = useState(() => validate(graph))
  const designErrors = design.filter((d) => d.severity === 'error').length
  const designWarnings = design.filter((d) => d.severity === 'warning').length
  const from = source(report)
  const base = commonBase(report)
  const groups = ACTIONS.map((a) => ({
    ...a,
    entries: report.entries.filter((e) => e.action === a.action),
  }))
  return (
    <Modal
      title={`Imported ${name}`}
      icon={designErrors > 0 ? 'warning' : 'check'}
      tone="accent"
      wide
      onClose={onClose}
      testId="import-report"
      footer={
        <>
          {onUndo ? (
            <button type="button" className="btn btn-default btn-md" onClick={onUndo}>
              <Icon name="undo" size={14} />
              <span className="btn-label">Undo import</span>
            </button>
          ) : null}
          <button type="button" className="btn btn-primary btn-md" data-autofocus onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <p className="modal-lead">
        <strong>{graph.project.name}</strong>: {countServices(graph)}
        {from ? (
          <>
            {' '}
            from <code>{from}</code>
          </>
        ) : null}
        ,{' '}
        {Object.keys(graph.layout).length > 0 ? 'with its saved layout' : 'laid out automatically'}.
        {keptNote}
      </p>
      {report.projectDefaults ? (
        <p className="callout" data-testid="import-project-defaults">
          An s6-rc tree holds services only: the project settings (s6-overlay{' '}
          {graph.project.overlayVersion}, base image <code>{graph.project.baseImage}</code>, S6_*
          settings, container environment, ports, health check) are the designer’s defaults
          {report.rootfsDir !== undefined ? ', and a Dockerfile beside the tree is not read' : ''}.
          Check them in the Project tab.
        </p>
      ) : null}
      <div className="report-tiles" data-testid="import-tallies">
        {groups.map((g) => (
          <div key={g.action} className={`report-tile is-${g.action}`}>
            <span className="report-tile-n">{g.entries.length}</span>
            <span className="report-tile-label">{g.label}</span>
          </div>
        ))}
      </div>
      <p className="report-sevs" data-testid="import-diagnostic-counts">
        {SEVERITIES.map(({ severity, label }) => {
          const n = diagnostics.filter((d) => d.severity === severity).length
          return (
            <span
              key={severity}
              className={`report-sev is-${severity}${n === 0 ? ' is-zero' : ''}`}
            >
              {plural(n, label)}
            </span>
          )
        })}
        <span className="report-sev-hint">on the files</span>
      </p>
      <p
        className={`report-design${designErrors > 0 ? ' is-error' : designWarnings > 0 ? ' is-warning' : ''}`}
        data-testid="import-design-check"
      >
        <Icon
          name={designErrors > 0 ? 'error' : designWarnings > 0 ? 'warning' : 'check'}
          size={14}
        />
        {designErrors > 0 ? (
          <span>
            The design has <strong>{plural(designErrors, 'error')}</strong>
            {designWarnings > 0 ? ` and ${plural(designWarnings, 'warning')}` : ''}: fix{' '}
            {designErrors === 1 ? 'it' : 'them'} in the Problems panel before exporting (as the tree
            is, s6-rc-compile or the designer refuses it).
          </span>
        ) : designWarnings > 0 ? (
          <span>
            The design has no errors and {plural(designWarnings, 'warning')}, listed in the Problems
            panel.
          </span>
        ) : (
          <span>The design has no problems.</span>
        )}
      </p>
      <div className="report-scroll">
        {base ? (
          <p className="report-base">
            Paths below are inside <code>{base}</code>.
          </p>
        ) : null}
        <Diagnostics diagnostics={diagnostics} />
        {groups
          .filter((g) => g.entries.length > 0)
          .map((g) => (
            <details
              key={g.action}
              className="report-group"
              open={g.action !== 'read' && g.entries.length <= 12}
            >
              <summary>
                {g.label} <span className="report-count">{g.entries.length}</span>
                <span className="report-hint">{g.hint}</span>
              </summary>
              <ul className="report-paths">
                {g.entries.slice(0, MAX_ROWS).map((e, i) => (
                  <li key={i}>
                    <BreakablePath
                      path={
                        (base && e.path.startsWith(base) ? e.path.slice(base.length) : e.path) ||
                        '.'
                      }
                    />
                    <span>{e.note}</span>
                  </li>
                ))}
                {g.entries.length > MAX_ROWS ? (
                  <li className="report-more">and {g.entries.length - MAX_ROWS} more</li>
                ) : null}
              </ul>
            </details>
          ))}
      </div>
    </Modal>
  )
}

/** An import that was refused: its one message, and the reassurance that nothing changed. */
export function ImportRefusedDialog({
  message,
  onClose,
}: {
  message: string
  onClose: () => void
}) {
  return (
    <Modal
      title="Nothing was imported"
      icon="error"
      tone="danger"
      onClose={onClose}
      testId="import-refused"
      footer={
        <button type="button" className="btn btn-primary btn-md" data-autofocus onClick={onClose}>
          OK
        </button>
      }
    >
      <p className="refused-message">{message}</p>
      <p className="modal-lead">Your design is unchanged.</p>
    </Modal>
  )
}
