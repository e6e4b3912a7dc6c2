'use client'

import './process-tree.css'
import { memo, useMemo, useState } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { processTree } from '@/lib/plan/plan'
import { type ProcessRow, countProcesses, processRows } from '@/lib/preview/process-rows'
import {
  type ServiceActions,
  useHoveredService,
  useSelectedServices,
  useServiceActions,
} from './use-service-actions'

const KIND_NOTES: Partial<Record<ProcessRow['kind'], string>> = {
  init: 'what /init became: reaps orphans, starts one supervisor per service',
  supervise: 'restarts it when it exits',
  logger: 'logger: reads the output of its producers',
}

const Row = memo(
  function Row({
    row,
    actions,
    selected,
    hovered,
  }: {
    row: ProcessRow
    actions: ServiceActions
    selected: boolean
    hovered: boolean
  }) {
    const service = row.service
    const interactive = service !== undefined
    const classes = [
      'ps-row',
      `ps-${row.kind}`,
      row.quiet || row.idle ? 'is-quiet' : '',
      selected ? 'is-selected' : '',
      hovered ? 'is-hovered' : '',
    ]
      .filter(Boolean)
      .join(' ')
    const count =
      row.count === undefined
        ? undefined
        : row.resolvedCount !== undefined
          ? typeof row.count === 'string'
            ? `× ${row.resolvedCount}`
            : `× ${row.count}`
          : `× ${row.count}`
    const label = (
      <>
        <span className="ps-label">{row.label}</span>
        {count ? <span className="ps-count">{count}</span> : null}
        {typeof row.count === 'string' ? <span className="ps-var">{row.count}</span> : null}
      </>
    )
    const note = row.idle
      ? 'not started at boot: its supervisor holds it down'
      : row.kind === 'process' && service
        ? `what ${service}’s run execs`
        : row.kind === 'child' && service
          ? `forked by ${service}`
          : row.kind === 'internal' && row.label.startsWith('s6-supervise')
            ? 's6’s own helper'
            : KIND_NOTES[row.kind]
    return (
      <li
        className={classes}
        data-service={service}
        onMouseEnter={interactive ? () => actions.hover(service) : undefined}
        onMouseLeave={interactive ? () => actions.hover(undefined) : undefined}
      >
        <span className="ps-guide" aria-hidden="true">
          {row.guide}
        </span>
        {interactive ? (
          <button
            type="button"
            className="ps-main"
            onClick={() => actions.select(service)}
            title={`Select ${service} on the canvas`}
          >
            {label}
          </button>
        ) : (
          <span className="ps-main">{label}</span>
        )}
        {row.kind === 'init' ? <span className="ps-pid">PID 1</span> : null}
        {note ? <span className="ps-note">{note}</span> : null}
      </li>
    )
  },
  (a, b) =>
    a.row.key === b.row.key &&
    a.row.label === b.row.label &&
    a.row.guide === b.row.guide &&
    a.row.count === b.row.count &&
    a.row.resolvedCount === b.row.resolvedCount &&
    a.row.quiet === b.row.quiet &&
    a.row.idle === b.row.idle &&
    a.selected === b.selected &&
    a.hovered === b.hovered &&
    a.actions === b.actions,
)

/**
 * Process tree: what `ps` shows in the running container, from /init down to each service's
 * children. Rows of a service highlight with its node on the canvas; a click selects it.
 */
export function ProcessTreePanel() {
  const graph = useEditorStore((s) => s.graph)
  const actions = useServiceActions()
  const selected = useSelectedServices()
  const hovered = useHoveredService()
  const [showInternal, setShowInternal] = useState(true)
  const rows = useMemo(() => processRows(processTree(graph), graph), [graph])
  const counts = useMemo(() => countProcesses(rows), [rows])
  const shown = useMemo(
    () => (showInternal ? rows : rows.filter((r) => r.kind !== 'internal')),
    [rows, showInternal],
  )
  return (
    <div className="pv pv-ps">
      <div className="pv-toolbar">
        <p className="pv-summary" data-testid="ps-summary">
          <strong>{counts.supervised}</strong> supervised service
          {counts.supervised === 1 ? '' : 's'} · {counts.internal} s6 helpers ·{' '}
          {counts.atLeast ? 'at least ' : ''}
          <strong>{counts.processes}</strong> processes in <code>ps</code>
        </p>
        <label className="pv-check">
          <input
            type="checkbox"
            checked={showInternal}
            onChange={(e) => setShowInternal(e.target.checked)}
          />
          s6’s own helpers
        </label>
      </div>
      <div className="pv-scroll">
        <ul className="ps" aria-label="Process tree">
          {shown.map((r) => (
            <Row
              key={r.key}
              row={r}
              actions={actions}
              selected={r.service !== undefined && selected.has(r.service)}
              hovered={r.service !== undefined && hovered === r.service}
            />
          ))}
        </ul>
        {counts.supervised === 0 ? (
          <p className="pv-empty">
            No longrun in the user bundle yet: add one and its supervisor and process appear here.
          </p>
        ) : null}
      </div>
    </div>
  )
}
