'use client'

import { useMemo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { startPlan, stopPlan } from '@/lib/plan/plan'
import { shutdownVerdict } from '@/lib/preview/shutdown-advice'
import type { ShutdownVerdict } from '@/lib/preview/shutdown-advice'
import { type StopBar, stopTimeline } from '@/lib/preview/stop-timeline'
import { formatMs, timeScale } from '@/lib/preview/time-scale'
import { ShutdownVerdictBanner } from './shutdown-verdict'
import {
  type ChartGroup,
  type ChartLine,
  type ChartRow,
  type ChartSegment,
  TimelineChart,
} from './timeline-chart'
import { useHoveredService, useSelectedServices, useServiceActions } from './use-service-actions'

function segments(b: StopBar): ChartSegment[] {
  if (!Number.isFinite(b.startMs)) return []
  if (b.kept)
    return [
      {
        fromMs: b.startMs,
        toMs: b.startMs,
        variant: 'instant',
        title: 'left running by s6-rc: it ends in the final SIGTERM and SIGKILL',
      },
    ]
  const signal = b.signal ?? 'SIGTERM'
  if (b.unbounded) {
    return [
      {
        fromMs: b.startMs,
        toMs: Infinity,
        variant: 'unbounded',
        title:
          b.type === 'longrun'
            ? `${signal}, and never SIGKILLed: the stop waits as long as the process runs`
            : 'its down script runs with no time limit',
      },
    ]
  }
  const budget = b.budgetMs ?? 0
  if (budget === 0)
    return [
      { fromMs: b.startMs, toMs: b.startMs, variant: 'instant', title: 'nothing to wait for' },
    ]
  if (b.type === 'oneshot')
    return [
      {
        fromMs: b.startMs,
        toMs: b.startMs + budget,
        variant: 'oneshot',
        title: `down runs for at most ${formatMs(budget)} (timeout-down)`,
      },
    ]
  const kill = Math.min(b.killAfterMs ?? budget, budget)
  const out: ChartSegment[] = [
    {
      fromMs: b.startMs,
      toMs: b.startMs + kill,
      variant: 'signal',
      title: `${signal}, then SIGKILL after ${formatMs(kill)}`,
    },
  ]
  if (budget > kill)
    out.push({
      fromMs: b.startMs + kill,
      toMs: b.startMs + budget,
      variant: 'finish',
      title: `finish runs for at most ${formatMs(budget - kill)}`,
    })
  return out
}

function note(b: StopBar): string {
  if (b.kept)
    return b.kept === 'essential'
      ? 'flag-essential: left running'
      : 'needed by a flag-essential service: left running'
  if (!Number.isFinite(b.startMs)) return `waits for ${b.after ?? 'an unbounded step'}`
  if (b.overlay) return 's6-overlay’s: nothing to wait for'
  if (b.unbounded)
    return b.type === 'longrun'
      ? `${b.signal ?? 'SIGTERM'} · no timeout-kill: ∞`
      : 'down · no timeout-down: ∞'
  const budget = b.budgetMs ?? 0
  if (b.type === 'oneshot')
    return budget === 0 ? 'nothing to undo' : `${formatMs(budget)} · down script`
  const kill = b.killAfterMs === null ? budget : Math.min(b.killAfterMs, budget)
  const parts = [`${b.signal ?? 'SIGTERM'}`, `kill ${formatMs(kill)}`]
  if (budget > kill) parts.push(`finish ${formatMs(budget - kill)}`)
  return `${formatMs(budget)} · ${parts.join(', ')}`
}

function groupsOf(waves: string[][], bars: StopBar[], verdict: ShutdownVerdict): ChartGroup[] {
  const byName = new Map(bars.map((b) => [b.name, b]))
  const groups: ChartGroup[] = waves.map((wave, i) => ({
    key: `s${i}`,
    title: `Step ${i + 1}`,
    hint:
      i === 0 ? 'nothing depends on these: told to stop first' : 'once what needs them has stopped',
    rows: wave.map((name): ChartRow => {
      const b = byName.get(name)!
      return {
        key: name,
        service: name,
        label: name,
        kind: b.type,
        quiet: b.overlay,
        critical: b.critical && Number.isFinite(verdict.servicesMs) && verdict.servicesMs > 0,
        note: note(b),
        segments: segments(b),
      }
    }),
  }))
  const from = verdict.servicesMs
  groups.push({
    key: 'grace',
    title: 'Then',
    hint: 'every process left gets SIGTERM, then SIGKILL',
    rows: [
      {
        key: 'grace',
        label: 'S6_KILL_GRACETIME',
        kind: 'grace',
        note: `${formatMs(verdict.killGraceMs)}, always in full`,
        segments: Number.isFinite(from)
          ? [
              {
                fromMs: from,
                toMs: from + verdict.killGraceMs,
                variant: 'grace',
                title: 's6-overlay sleeps the whole grace time, even with nothing left',
              },
            ]
          : [],
      },
    ],
  })
  return groups
}

/** The whole stop as one bar against docker stop's limit: services, then the kill grace. */
function BudgetBar({ verdict, maxMs }: { verdict: ShutdownVerdict; maxMs: number }) {
  const at = (ms: number) => `${(Math.min(1, ms / maxMs) * 100).toFixed(2)}%`
  const bounded = Number.isFinite(verdict.servicesMs)
  return (
    <div className="budget" aria-hidden="true">
      <div className="budget-track">
        <span
          className={`budget-seg budget-services${bounded ? '' : ' is-open'}`}
          style={{ left: 0, width: bounded ? at(verdict.servicesMs) : '100%' }}
        >
          services {bounded ? formatMs(verdict.servicesMs) : '∞'}
        </span>
        {bounded ? (
          <span
            className="budget-seg budget-grace"
            style={{ left: at(verdict.servicesMs), width: at(verdict.killGraceMs) }}
          >
            grace {formatMs(verdict.killGraceMs)}
          </span>
        ) : null}
        {bounded && verdict.totalMs > verdict.limitMs ? (
          <span
            className="budget-over"
            style={{ left: at(verdict.limitMs), width: at(verdict.totalMs - verdict.limitMs) }}
          />
        ) : null}
        <span className="budget-limit" style={{ left: at(verdict.limitMs) }}>
          <span>docker stop: SIGKILL at {formatMs(verdict.limitMs)}</span>
        </span>
      </div>
    </div>
  )
}

/**
 * Shutdown: the verdict against docker stop, the whole budget as one bar, then each step in the
 * order s6-overlay stops them (the reverse of the start) with its signal, kill and finish times.
 */
export function ShutdownPanel() {
  const graph = useEditorStore((s) => s.graph)
  const actions = useServiceActions()
  const selected = useSelectedServices()
  const hovered = useHoveredService()
  const { stop, timeline, verdict } = useMemo(() => {
    const stop = stopPlan(graph)
    const timeline = stopTimeline(startPlan(graph), stop)
    return { stop, timeline, verdict: shutdownVerdict(graph, stop, timeline) }
  }, [graph])
  const total = Number.isFinite(verdict.totalMs) ? verdict.totalMs : verdict.limitMs * 1.2
  const scale = useMemo(
    () => timeScale(Math.max(total, verdict.limitMs) * 1.04),
    [total, verdict.limitMs],
  )
  const groups = useMemo(
    () => groupsOf(stop.waves, timeline.bars, verdict),
    [stop, timeline, verdict],
  )
  const lines: ChartLine[] = [
    {
      atMs: verdict.limitMs,
      label: `docker stop ${formatMs(verdict.limitMs)}`,
      tone: verdict.status === 'ok' ? 'muted' : 'danger',
    },
  ]
  return (
    <div className="pv pv-stop">
      <ShutdownVerdictBanner verdict={verdict} />
      <div className="pv-scroll">
        <BudgetBar verdict={verdict} maxMs={scale.maxMs} />
        <p className="pv-legend pv-legend-row" aria-hidden="true">
          <span className="lg lg-signal">stop signal until SIGKILL (timeout-kill)</span>
          <span className="lg lg-finish">finish script (timeout-finish)</span>
          <span className="lg lg-unbounded">no time limit</span>
          <span className="lg lg-instant">nothing to wait for</span>
          <span className="lg lg-grace">S6_KILL_GRACETIME</span>
          <span className="lg lg-critical">decides the total</span>
        </p>
        {stop.steps.length === 0 ? (
          <p className="pv-empty">Nothing to stop: the user bundle is empty.</p>
        ) : (
          <TimelineChart
            label="Shutdown timeline"
            noteTitle="Worst case"
            scale={scale}
            groups={groups}
            lines={lines}
            actions={actions}
            selected={selected}
            hovered={hovered}
          />
        )}
        <p className="pv-foot">
          docker stop sends SIGTERM to /init; s6-overlay runs <code>s6-rc -bda change</code>: a
          service is told to stop once everything that depends on it has stopped.
        </p>
      </div>
    </div>
  )
}
