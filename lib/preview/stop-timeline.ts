/**
 * The shutdown drawn on a time axis: when each service is told to stop in the worst case, and
 * how long it may take. s6-rc stops a service once every service that needs it has stopped
 * (FORMAT §4), so each step starts at the latest end among the steps that need it.
 */
import type { StartPlan, StopPlan, StopStep } from '../plan/plan'

export interface StopBar extends StopStep {
  /** When it is told to stop, worst case; Infinity when it waits behind an unbounded step. */
  startMs: number
  /** When it has stopped, worst case; Infinity when unbounded. */
  endMs: number
  /** Its own stop has no time limit. */
  unbounded: boolean
  /** The step whose end decides this one's start, if any. */
  after?: string
  /** On the chain of steps that ends last. */
  critical: boolean
}

export interface StopTimeline {
  bars: StopBar[]
  /** Worst case of the whole `s6-rc -bda change`, Infinity when unbounded. */
  servicesMs: number
  /** The chain ending last, first step first. */
  criticalPath: string[]
}

/**
 * Places the steps of `stop` on a time axis, using the needs the start plan of the same
 * targets found (`start.timeline[].dependencies`).
 *
 * @example
 * stopTimeline(startPlan(graph), stopPlan(graph)).bars[0] // { name: 'scheduler', startMs: 0, … }
 */
export function stopTimeline(start: StartPlan, stop: StopPlan): StopTimeline {
  const needers = new Map<string, string[]>()
  for (const entry of start.timeline) {
    for (const dep of entry.dependencies) {
      const list = needers.get(dep)
      if (list) list.push(entry.name)
      else needers.set(dep, [entry.name])
    }
  }
  const byName = new Map<string, StopBar>()
  const bars: StopBar[] = []
  // steps are in stop order (dependents first), so every needer is placed before its needs.
  for (const step of stop.steps) {
    let from = 0
    let after: string | undefined
    for (const u of needers.get(step.name) ?? []) {
      const bar = byName.get(u)
      if (bar && (bar.endMs > from || (bar.endMs === from && after === undefined && from > 0))) {
        from = bar.endMs
        after = u
      }
    }
    const unbounded = step.budgetMs === null
    const bar: StopBar = {
      ...step,
      startMs: from,
      endMs: unbounded ? Infinity : from + (step.budgetMs ?? 0),
      unbounded,
      critical: false,
    }
    if (after !== undefined) bar.after = after
    byName.set(step.name, bar)
    bars.push(bar)
  }
  let last: StopBar | undefined
  for (const bar of bars) if (!last || bar.endMs > last.endMs) last = bar
  const criticalPath: string[] = []
  for (let b = last; b && !b.critical; b = b.after ? byName.get(b.after) : undefined) {
    b.critical = true
    criticalPath.push(b.name)
  }
  criticalPath.reverse()
  return { bars, servicesMs: last ? last.endMs : 0, criticalPath }
}
