'use client'

import './timeline.css'
import { memo, useLayoutEffect, useRef } from 'react'
import type { TimeScale } from '@/lib/preview/time-scale'
import { formatMs } from '@/lib/preview/time-scale'
import type { ServiceActions } from './use-service-actions'

export type SegmentVariant =
  | 'oneshot'
  | 'longrun'
  | 'warmup'
  | 'timeout'
  | 'signal'
  | 'finish'
  | 'grace'
  | 'unbounded'
  | 'instant'
  | 'failed'
  | 'overrun'
  | 'blocked'

export interface ChartSegment {
  fromMs: number
  /** Infinity draws to the end of the axis, fading out. */
  toMs: number
  variant: SegmentVariant
  /** Shown on hover. */
  title?: string
}

export interface ChartRow {
  key: string
  service?: string
  label: string
  kind: 'oneshot' | 'longrun' | 'grace'
  quiet?: boolean
  critical?: boolean
  /** Its start fails (a time limit it does not meet). */
  failed?: boolean
  /** Never started: something it needs fails. */
  blocked?: boolean
  /** A small word after the name ("s6-overlay", "logger"). */
  tag?: string
  /** Text in the right-hand column, for example "2 s" or "SIGTERM · kill 5 s · finish 1 s". */
  note?: string
  segments: ChartSegment[]
}

export interface ChartGroup {
  key: string
  title: string
  hint?: string
  rows: ChartRow[]
}

export interface ChartLine {
  atMs: number
  label: string
  tone: 'danger' | 'muted' | 'ok'
}

const pct = (f: number) => `${(f * 100).toFixed(3)}%`

const Row = memo(function Row({
  row,
  scale,
  actions,
  selected,
  hovered,
}: {
  row: ChartRow
  scale: TimeScale
  actions: ServiceActions
  selected: boolean
  hovered: boolean
}) {
  const interactive = row.service !== undefined && actions.isOwn(row.service)
  const classes = [
    'tl-row',
    `tl-row-${row.kind}`,
    row.quiet ? 'is-quiet' : '',
    row.critical ? 'is-critical' : '',
    row.failed ? 'is-failed' : '',
    row.blocked ? 'is-blocked' : '',
    selected ? 'is-selected' : '',
    hovered ? 'is-hovered' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      className={classes}
      data-service={row.service}
      onMouseEnter={interactive ? () => actions.hover(row.service) : undefined}
      onMouseLeave={interactive ? () => actions.hover(undefined) : undefined}
    >
      <div className="tl-label">
        <span className={`tl-dot tl-dot-${row.kind}`} aria-hidden="true" />
        {interactive ? (
          <button
            type="button"
            className="tl-name"
            onClick={() => actions.select(row.service!)}
            title={`Select ${row.service} on the canvas`}
          >
            {row.label}
          </button>
        ) : (
          <span className="tl-name">{row.label}</span>
        )}
        {row.tag ? <span className="tl-tag">{row.tag}</span> : null}
        {row.critical ? (
          <span
            className="tl-critical"
            role="img"
            title="On the critical path: it decides the total"
            aria-label="on the critical path"
          />
        ) : null}
      </div>
      <div className="tl-track">
        {row.segments.map((s, i) => {
          const from = scale.at(s.fromMs)
          const to = scale.at(s.toMs)
          // A bar that goes on past the axis (a 30 s limit on a 7 s axis) ends in an arrow, and
          // its title says where it ends, so it does not read as ending at the axis.
          const cut = Number.isFinite(s.toMs) && s.toMs > scale.maxMs
          return (
            <span
              key={i}
              className={`tl-seg tl-seg-${s.variant}${Number.isFinite(s.toMs) ? '' : ' is-open'}${cut ? ' is-cut' : ''}`}
              style={{ left: pct(from), width: pct(Math.max(0, to - from)) }}
              title={
                cut
                  ? `${s.title ?? ''} (goes on past the axis, to ${formatMs(s.toMs)})`.trim()
                  : s.title
              }
            />
          )
        })}
      </div>
      <div className="tl-note">{row.note}</div>
    </div>
  )
})

/**
 * Hides a tick label that a line's label (docker stop, the boot limit) covers, rather than let
 * the two run into each other, and keeps the last one inside the axis.
 */
function fitTicks(el: HTMLElement): void {
  const ticks = [...el.querySelectorAll<HTMLElement>('.tl-tick')]
  for (const tick of ticks) tick.classList.remove('is-hidden', 'is-end')
  const labels = [...el.querySelectorAll<HTMLElement>('.tl-line-label')].map((l) =>
    l.getBoundingClientRect(),
  )
  const right = el.getBoundingClientRect().right
  const boxes = ticks.map((t) => t.getBoundingClientRect())
  ticks.forEach((tick, i) => {
    const r = boxes[i]!
    if (r.right > right) tick.classList.add('is-end')
    if (labels.some((l) => r.left < l.right + 4 && r.right > l.left - 4))
      tick.classList.add('is-hidden')
  })
}

/**
 * A Gantt-style chart: groups of rows (a wave, a stop step), each row a service with its
 * segments on a shared time axis, plus labelled vertical lines (docker stop's limit).
 */
export function TimelineChart({
  scale,
  groups,
  lines = [],
  actions,
  selected,
  hovered,
  label,
  noteTitle = '',
}: {
  scale: TimeScale
  groups: ChartGroup[]
  lines?: ChartLine[]
  actions: ServiceActions
  selected: ReadonlySet<string>
  hovered: string | undefined
  label: string
  /** Heading of the column of notes at the right. */
  noteTitle?: string
}) {
  const axis = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (axis.current) fitTicks(axis.current)
  })
  useLayoutEffect(() => {
    const el = axis.current
    if (!el) return
    const observer = new ResizeObserver(() => fitTicks(el))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return (
    <div className="tl" role="group" aria-label={label}>
      <div className="tl-head">
        <div className="tl-corner">Service</div>
        <div className="tl-axis" aria-hidden="true" ref={axis}>
          {scale.ticks.map((t) => (
            <span key={t} className="tl-tick" style={{ left: pct(scale.at(t)) }}>
              {t === 0 ? '0' : formatMs(t)}
            </span>
          ))}
          {lines.map((l) => (
            <span
              key={l.label}
              className={`tl-line-label tone-${l.tone}`}
              style={{ left: pct(scale.at(l.atMs)) }}
            >
              {l.label}
            </span>
          ))}
        </div>
        <div className="tl-corner tl-corner-note">{noteTitle}</div>
      </div>
      <div className="tl-body">
        <div className="tl-grid" aria-hidden="true">
          {scale.ticks.map((t) => (
            <span key={t} className="tl-gridline" style={{ left: pct(scale.at(t)) }} />
          ))}
          {lines.map((l) => (
            <span
              key={l.label}
              className={`tl-line tone-${l.tone}`}
              style={{ left: pct(scale.at(l.atMs)) }}
            />
          ))}
        </div>
        {groups.map((g) => (
          <div key={g.key} className="tl-group">
            <div className="tl-group-title">
              <span>{g.title}</span>
              {g.hint ? <span className="tl-group-hint">{g.hint}</span> : null}
            </div>
            {g.rows.map((r) => (
              <Row
                key={r.key}
                row={r}
                scale={scale}
                actions={actions}
                selected={r.service !== undefined && selected.has(r.service)}
                hovered={r.service !== undefined && hovered === r.service}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}
