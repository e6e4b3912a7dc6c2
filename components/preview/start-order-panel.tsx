'use client'

import { useMemo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import type { ServiceGraph } from '@/lib/graph/types'
import type { StartPlan, TimelineEntry } from '@/lib/plan/plan'
import {
  BOOT_TARGET,
  type BootFailureBehaviour,
  bootFailureBehaviour,
  bootLimitMs,
} from '@/lib/graph/overlay'
import { startPlan } from '@/lib/plan/plan'
import { exactMs, formatMs, timeScale } from '@/lib/preview/time-scale'
import { type ChartGroup, type ChartRow, type ChartSegment, TimelineChart } from './timeline-chart'
import { useHoveredService, useSelectedServices, useServiceActions } from './use-service-actions'
import { WaveStrip } from './wave-strip'

/** `via`: for a service never started, the one it needs directly that fails or never starts. */
function segments(e: TimelineEntry, via?: string): ChartSegment[] {
  const out: ChartSegment[] = []
  const run = e.endMs - e.startMs
  const how = e.estimated ? 'estimate' : 'default'
  if (e.blockedBy !== undefined) {
    out.push({
      fromMs: e.startMs,
      toMs: e.startMs,
      variant: 'blocked',
      title:
        via === undefined || via === e.blockedBy
          ? `never started: it needs ${e.blockedBy}, whose start fails`
          : `never started: it needs ${via}, which never starts (${e.blockedBy}'s start fails)`,
    })
  } else if (e.timedOut) {
    out.push({
      fromMs: e.startMs,
      toMs: e.endMs,
      variant: 'failed',
      title: `start fails: not ${e.type === 'oneshot' ? 'done' : 'ready'} within its start timeout (${exactMs(run)}), so ${givenUp(e.type)}`,
    })
    out.push({
      fromMs: e.endMs,
      toMs: e.startMs + e.timedOut.estimateMs,
      variant: 'overrun',
      title: `estimated to need ${exactMs(e.timedOut.estimateMs)}: more than s6-rc waits`,
    })
  } else if (e.type === 'oneshot') {
    out.push({
      fromMs: e.startMs,
      toMs: e.endMs,
      variant: 'oneshot',
      title: `runs ${formatMs(run)} (${how})`,
    })
  } else if (e.readyMs !== undefined) {
    out.push({
      fromMs: e.startMs,
      toMs: e.endMs,
      variant: 'longrun',
      title: 'spawned: s6-rc moves on now',
    })
    out.push({
      fromMs: e.endMs,
      toMs: e.readyMs,
      variant: 'warmup',
      title: `no readiness check: ready about ${formatMs(e.readyMs - e.startMs)} after start (estimate), but nothing waits for it`,
    })
  } else {
    out.push({
      fromMs: e.startMs,
      toMs: e.endMs,
      variant: 'longrun',
      title: `ready after ${formatMs(run)} (${how})`,
    })
  }
  // A longrun without readiness is up once spawned: its limit is never what decides.
  if (
    e.timeoutMs !== undefined &&
    e.blockedBy === undefined &&
    !e.timedOut &&
    !e.spawnOnly &&
    e.startMs + e.timeoutMs > e.endMs
  ) {
    out.push({
      fromMs: e.endMs,
      toMs: e.startMs + e.timeoutMs,
      variant: 'timeout',
      title: `fails if not up within ${formatMs(e.timeoutMs)} (timeout-up)`,
    })
  }
  return out
}

function note(e: TimelineEntry): string {
  if (e.blockedBy !== undefined) return `not started: ${e.blockedBy} fails`
  if (e.timedOut)
    return `fails at ${exactMs(e.endMs - e.startMs)} · needs ~${exactMs(e.timedOut.estimateMs)}`
  const parts: string[] = []
  if (e.type === 'longrun' && e.readyMs !== undefined)
    parts.push(`spawned · ready ~${formatMs(e.readyMs - e.startMs)}`)
  else parts.push(`${formatMs(e.endMs - e.startMs)}${e.estimated || e.overlay ? '' : ' (default)'}`)
  if (e.timeoutMs !== undefined) parts.push(`limit ${formatMs(e.timeoutMs)}`)
  return parts.join(' · ')
}

function chartGroups(plan: StartPlan): ChartGroup[] {
  const held = new Set([...plan.failed, ...plan.notStarted])
  const byWave: TimelineEntry[][] = []
  for (const e of plan.timeline) (byWave[e.wave] ??= []).push(e)
  return byWave
    .filter((w) => w !== undefined)
    .map((entries, i) => ({
      key: `w${i}`,
      title: `Wave ${i + 1}`,
      hint: i === 0 ? 'nothing to wait for' : `each starts once what it needs is up`,
      rows: entries.map((e): ChartRow => ({
        key: e.name,
        service: e.name,
        label: e.name,
        kind: e.type,
        quiet: e.overlay,
        critical: e.critical && plan.timeline.length > 1,
        ...(e.timedOut ? { failed: true } : {}),
        ...(e.blockedBy !== undefined ? { blocked: true } : {}),
        note: note(e),
        segments: segments(
          e,
          e.blockedBy === undefined ? undefined : e.dependencies.find((d) => held.has(d)),
        ),
      })),
    }))
}

/** Services the failure note names; the rest are counted. */
const MAX_NAMED = 8

/** `a`, `a and b`, `a, b and 3 more`, each name as code. */
function Names({ names }: { names: readonly string[] }) {
  const shown = names.slice(0, MAX_NAMED)
  const more = names.length - shown.length
  return (
    <>
      {shown.map((n, i) => (
        <span key={n}>
          {i > 0 ? (i === shown.length - 1 && more === 0 ? ' and ' : ', ') : ''}
          <code>{n}</code>
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : ''}
    </>
  )
}

/** What happens to a start s6-rc gives up on (FORMAT §4). */
function givenUp(type: TimelineEntry['type']): string {
  return type === 'oneshot' ? 'its script is sent SIGTERM' : 'it is stopped (s6-svc -d)'
}

/** What fails at start, what it keeps from starting, and what the container then does. */
function StartFailures({
  plan,
  isOwn,
  boot,
  limited,
}: {
  plan: StartPlan
  isOwn: (name: string) => boolean
  /** At the container's boot: what s6-overlay then does. */
  boot?: BootFailureBehaviour
  /** The boot's own limit ends the start before these failures: the advice is then its own. */
  limited: boolean
}) {
  const failing = plan.timeline.filter((e) => e.timedOut)
  const one = failing.length === 1 ? failing[0] : undefined
  // s6-overlay's own (legacy-services, which waits for user) would only puzzle here.
  const never = plan.notStarted.filter(isOwn)
  return (
    <p className="pv-failures" data-testid="start-failures">
      {one ? (
        <>
          <code>{one.name}</code> is estimated to need {exactMs(one.timedOut!.estimateMs)}, but
          s6-rc stops waiting after its start timeout (timeout-up) of{' '}
          {exactMs(one.endMs - one.startMs)}: the start fails, and {givenUp(one.type)}.
        </>
      ) : (
        <>
          <Names names={failing.map((e) => e.name)} /> are estimated to need longer than their start
          timeouts (timeout-up): s6-rc gives up on each (a oneshot&rsquo;s script is sent SIGTERM, a
          longrun is stopped).
        </>
      )}{' '}
      {never.length > 0 ? (
        <>
          So {never.length === 1 ? 'this never starts' : 'these never start'}:{' '}
          <Names names={never} />.
        </>
      ) : (
        `Nothing else of the design needs ${one ? 'it' : 'them'}, so the rest starts.`
      )}{' '}
      {boot ? (
        <>
          The container then {boot.what} (S6_BEHAVIOUR_IF_STAGE2_FAILS is {boot.value}).{' '}
        </>
      ) : null}
      {limited
        ? 'The boot limit below ends the start even sooner.'
        : `If the ${one ? 'estimate is' : 'estimates are'} right, raise the start timeout.`}
    </p>
  )
}

function targetsOf(graph: ServiceGraph): { bundles: string[]; services: string[] } {
  const bundles: string[] = []
  const services: string[] = []
  for (const [name, s] of Object.entries(graph.services)) {
    ;(s.type === 'bundle' ? bundles : services).push(name)
  }
  return { bundles: bundles.sort(), services: services.sort() }
}

/**
 * Start order: the waves side by side, then a timeline of the chosen target's start (default
 * `top`, what the container boots) with estimated durations, time limits and the critical path.
 */
export function StartOrderPanel({
  target,
  onTarget,
}: {
  target: string
  onTarget: (target: string) => void
}) {
  const graph = useEditorStore((s) => s.graph)
  const actions = useServiceActions()
  const selected = useSelectedServices()
  const hovered = useHoveredService()
  const current = Object.hasOwn(graph.services, target) ? target : BOOT_TARGET
  const plan = useMemo(() => startPlan(graph, [current]), [graph, current])
  const { bundles, services } = useMemo(() => targetsOf(graph), [graph])
  const entries = useMemo(() => new Map(plan.timeline.map((e) => [e.name, e])), [plan])
  const groups = useMemo(() => chartGroups(plan), [plan])
  // At the container's boot, S6_CMD_WAIT_FOR_SERVICES_MAXTIME ends the start (s6-rc -t).
  const bootLimit = current === BOOT_TARGET ? bootLimitMs(graph.project) : 0
  const overLimit = bootLimit > 0 && plan.totalMs > bootLimit
  // What happens sets the axis: an estimate past its limit is cut with an arrow.
  const span = Math.max(
    bootLimit,
    plan.timeline.reduce((m, e) => Math.max(m, e.endMs, e.readyMs ?? 0), 0),
  )
  const scale = useMemo(() => timeScale(span * 1.06), [span])
  const own = plan.closure.filter((n) => actions.isOwn(n))
  const overlay = plan.closure.length - own.length
  const pulled = plan.closure.filter((n) => n !== current)
  // Not all ready when a start fails.
  const readyLast =
    plan.failed.length > 0
      ? 0
      : plan.timeline.reduce((m, e) => Math.max(m, e.readyMs ?? e.endMs), 0)
  // The service ready last, when s6-rc does not wait for it (a longrun without notification-fd).
  const lastReady =
    readyLast > plan.totalMs ? plan.timeline.find((e) => e.readyMs === readyLast) : undefined

  return (
    <div className="pv pv-start">
      <div className="pv-toolbar">
        <label className="pv-field">
          <span>Bring up</span>
          <select
            value={current}
            onChange={(e) => onTarget(e.target.value)}
            aria-label="What to bring up"
          >
            <option value={BOOT_TARGET}>top (the container’s boot)</option>
            {bundles.length > 0 ? (
              <optgroup label="Bundles">
                {bundles.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {services.length > 0 ? (
              <optgroup label="Services">
                {services.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <p className="pv-summary" data-testid="start-summary">
          {plan.closure.length === 0 ? (
            'Nothing to start.'
          ) : (
            <>
              <strong>{own.length}</strong> service{own.length === 1 ? '' : 's'}
              {overlay > 0 ? ` + ${overlay} of s6-overlay’s` : ''} in{' '}
              <strong>{plan.waves.length}</strong> wave{plan.waves.length === 1 ? '' : 's'} · s6-rc{' '}
              is done{plan.failed.length > 0 ? ', with a failure,' : ''} after{' '}
              <strong>{formatMs(plan.totalMs)}</strong>
              {readyLast > plan.totalMs ? ` · all ready after ~${formatMs(readyLast)}` : ''}
            </>
          )}
        </p>
        <span className="pv-legend" aria-hidden="true">
          <span className="lg lg-oneshot">oneshot</span>
          <span className="lg lg-longrun">longrun</span>
          <span className="lg lg-warmup">warming up, not waited for</span>
          <span className="lg lg-timeout">time limit</span>
          {plan.failed.length > 0 ? (
            <>
              <span className="lg lg-failed">start fails</span>
              <span className="lg lg-overrun">estimate past the limit</span>
              {plan.notStarted.length > 0 ? (
                <span className="lg lg-blocked">never started</span>
              ) : null}
            </>
          ) : null}
          <span className="lg lg-critical">critical path</span>
          <span className="lg lg-overlay">s6-overlay’s own</span>
        </span>
      </div>
      {current !== 'user' && plan.closure.length > 0 ? (
        <p className="pv-pulls" data-testid="pulls-in">
          Bringing up <code>{current}</code>{' '}
          {pulled.length === 0 ? (
            'starts nothing else.'
          ) : (
            <>
              also starts{' '}
              {pulled.map((n, i) => (
                <span key={n}>
                  {i > 0 ? (i === pulled.length - 1 ? ' and ' : ', ') : ''}
                  <code className={actions.isOwn(n) ? '' : 'is-overlay'}>{n}</code>
                </span>
              ))}
              .
            </>
          )}
        </p>
      ) : null}
      {plan.closure.length === 0 ? (
        <p className="pv-empty">
          {current === 'user'
            ? 'The user bundle is empty: add a service to it (drag from the service to user) and its start shows here.'
            : `${current} has nothing to start.`}
        </p>
      ) : (
        <div className="pv-scroll">
          <WaveStrip
            waves={plan.waves}
            entries={entries}
            actions={actions}
            selected={selected}
            hovered={hovered}
            verb="start"
          />
          {plan.failed.length > 0 ? (
            <StartFailures
              plan={plan}
              isOwn={actions.isOwn}
              limited={overLimit && plan.timeline.some((e) => e.timedOut && e.endMs > bootLimit)}
              {...(current === BOOT_TARGET ? { boot: bootFailureBehaviour(graph.project) } : {})}
            />
          ) : null}
          {plan.criticalPath.length > 1 ? (
            <p className="pv-critical">
              <span className="lg lg-critical" aria-hidden="true" />
              Critical path (what decides when s6-rc is done, {formatMs(plan.totalMs)}):{' '}
              {plan.criticalPath.map((n, i) => (
                <span key={n}>
                  {i > 0 ? ' → ' : ''}
                  <code>{n}</code>
                </span>
              ))}
              {lastReady ? (
                <>
                  . Ready last: <code>{lastReady.name}</code> (~{formatMs(readyLast)}), which s6-rc
                  does not wait for (it has no notification-fd)
                </>
              ) : null}
            </p>
          ) : null}
          {overLimit ? (
            <p className="pv-failures" data-testid="start-over-limit">
              S6_CMD_WAIT_FOR_SERVICES_MAXTIME ends the boot after {exactMs(bootLimit)}, before this
              start is done ({exactMs(plan.totalMs)}): s6-rc gives up on whatever is not up by then,
              and what has not started never does. Raise it, or set it to 0 and let each
              service&rsquo;s start timeout decide.
            </p>
          ) : null}
          <TimelineChart
            label="Start timeline"
            noteTitle="Takes"
            scale={scale}
            groups={groups}
            lines={
              bootLimit > 0
                ? [
                    {
                      atMs: bootLimit,
                      label: `boot limit ${formatMs(bootLimit)}`,
                      tone: overLimit ? 'danger' : 'muted',
                    },
                  ]
                : []
            }
            actions={actions}
            selected={selected}
            hovered={hovered}
          />
        </div>
      )}
    </div>
  )
}
