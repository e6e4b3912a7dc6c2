/**
 * The stop plan: s6-overlay's shutdown, `s6-rc -bda change` then S6_KILL_GRACETIME (FORMAT §4,
 * §5, §6.9). s6-rc stops a service only after every service in the set that needs it has
 * stopped, so the stop runs in the reverse order of the start, again event-driven. A
 * flag-essential service and what it needs are skipped: they are left running.
 */
import { isAtomic, resolveGraph } from '../graph/resolve'
import type { ResolvedGraph } from '../graph/resolve'
import { DOCKER_STOP_DEFAULT_MS, s6Value, sentSignal } from '../graph/overlay'
import type { Service, ServiceGraph, ServiceName } from '../graph/types'
import type { StopPlan, StopStep } from './plan'
import { keptPlan, ownService, planGraph, timeoutMs } from './plan-graph'

/** s6-supervise's `timeout-finish` when the file is absent. */
export const DEFAULT_TIMEOUT_FINISH_MS = 5000
/** S6_KILL_GRACETIME's default. */
export const DEFAULT_KILL_GRACE_MS = 3000

type Budget = Omit<StopStep, 'name' | 'type' | 'overlay' | 'wave'>

/**
 * One service's worst case. Longrun: down-signal, then SIGKILL after `timeout-kill` (none when
 * absent: unbounded, unless the down signal is SIGKILL itself), then `finish` for up to `timeout-finish` (5000 by default, 0 = none);
 * a `timeout-down` caps the whole wait, since s6-rc gives up on the transition then.
 * Oneshot: its `down` script for up to `timeout-down` (none when absent: unbounded); no `down`
 * means nothing to run (0). s6-overlay's own oneshots count as 0: the export ships no
 * cont-finish.d scripts.
 */
export function stopBudget(service: Service | undefined, kind: 'oneshot' | 'longrun'): Budget {
  if (service?.type === 'longrun') {
    const signal = sentSignal(service.downSignal)
    const kill = timeoutMs(service.timeoutKill) ?? null
    const hasFinish = service.finish !== undefined
    const finishLimit =
      service.timeoutFinish === undefined
        ? DEFAULT_TIMEOUT_FINISH_MS
        : (timeoutMs(service.timeoutFinish) ?? null)
    const finishMs = hasFinish ? (finishLimit ?? 0) : 0
    // A daemon sent SIGKILL cannot ignore it: it is gone at once, timeout-kill or not.
    const killed = signal === 'SIGKILL' ? 0 : kill
    let budget = killed === null || (hasFinish && finishLimit === null) ? null : killed + finishMs
    const down = timeoutMs(service.timeoutDown)
    if (down !== undefined) budget = budget === null ? down : Math.min(budget, down)
    return {
      signal,
      killAfterMs: kill,
      finishMs,
      budgetMs: budget,
    }
  }
  if (service?.type === 'oneshot' && service.down && service.down.body.trim() !== '') {
    const limit = timeoutMs(service.timeoutDown) ?? null
    return { killAfterMs: limit, finishMs: 0, budgetMs: limit }
  }
  return kind === 'longrun'
    ? { signal: 'SIGTERM', killAfterMs: null, finishMs: 0, budgetMs: null }
    : { killAfterMs: 0, finishMs: 0, budgetMs: 0 }
}

/** The effective S6_KILL_GRACETIME of a project, in ms. */
export function killGraceMs(graph: ServiceGraph): number {
  const raw = s6Value(graph.project.s6Env ?? {}, 'S6_KILL_GRACETIME', graph.project.overlayVersion)
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : DEFAULT_KILL_GRACE_MS
}

/**
 * Simulates stopping what `targets` brought up (`resolved`: see `planGraph`). Overlay services in the set appear as steps
 * with `overlay: true` and a zero budget. Services on or behind a dependency cycle stop in one
 * extra last wave.
 */
export function computeStopPlan(
  graph: ServiceGraph,
  targets: ServiceName[],
  resolved?: ResolvedGraph,
): StopPlan {
  const r = resolved ?? resolveGraph(graph, { context: 'overlay' })
  const key = `stop ${killGraceMs(graph)} ${JSON.stringify(targets)}`
  return keptPlan(r, key, () => makeStopPlan(graph, targets, r))
}

function makeStopPlan(
  graph: ServiceGraph,
  targets: ServiceName[],
  resolved: ResolvedGraph,
): StopPlan {
  const { r, inSet, atomics, order, placed, neederStart, neederList } = planGraph(
    graph,
    targets,
    resolved,
  )
  const n = r.names.length
  // flag-essential services, and all they need: s6-rc -d skips them and leaves them up.
  const kept = new Uint8Array(n)
  const stack: number[] = []
  for (const id of atomics) {
    if (ownService(r, id)?.essential !== true) continue
    kept[id] = 2
    stack.push(id)
  }
  // On a bundle, s6-rc-compile copies the flag to every member (FORMAT §1, §3).
  for (let id = 0; id < n; id++) {
    if (!inSet[id] || isAtomic(r.kinds[id]!) || ownService(r, id)?.essential !== true) continue
    const members = [id]
    const seen = new Set<number>(members)
    while (members.length > 0) {
      const v = members.pop()!
      for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
        const w = r.edgeList[i]!
        if (seen.has(w)) continue
        seen.add(w)
        if (!isAtomic(r.kinds[w]!)) members.push(w)
        else if (!kept[w]) {
          kept[w] = 2
          stack.push(w)
        }
      }
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
      const w = r.edgeList[i]!
      if (!inSet[w] || kept[w]) continue
      kept[w] = 1
      stack.push(w)
    }
  }
  const wave = new Int32Array(n)
  const end = new Float64Array(n)
  const budgets: (Budget | undefined)[] = new Array<Budget | undefined>(n)
  let unbounded = false
  // The same walk with unbounded steps counted as 0: what the stop takes at least.
  const atLeast = new Float64Array(n)
  let lastWave = 0
  for (let position = order.length - 1; position >= 0; position--) {
    const v = order[position]!
    let from = 0
    let fromAtLeast = 0
    let level = 0
    for (let i = neederStart[v]!; i < neederStart[v + 1]!; i++) {
      const u = neederList[i]!
      from = Math.max(from, end[u]!)
      fromAtLeast = Math.max(fromAtLeast, atLeast[u]!)
      level = Math.max(level, isAtomic(r.kinds[u]!) ? wave[u]! + 1 : wave[u]!)
    }
    end[v] = from
    atLeast[v] = fromAtLeast
    wave[v] = level
    if (!isAtomic(r.kinds[v]!)) continue
    const budget = kept[v]
      ? { killAfterMs: 0, finishMs: 0, budgetMs: 0 }
      : stopBudget(ownService(r, v), r.kinds[v] as 'oneshot' | 'longrun')
    budgets[v] = budget
    if (budget.budgetMs === null) unbounded = true
    end[v] = from + (budget.budgetMs ?? 0)
    atLeast[v] = fromAtLeast + (budget.budgetMs ?? 0)
    if (position < placed) lastWave = Math.max(lastWave, level)
  }
  for (let position = placed; position < order.length; position++) {
    const v = order[position]!
    if (isAtomic(r.kinds[v]!)) wave[v] = lastWave + 1
  }

  // Waves are dense except after a cycle; renumber them 0, 1, 2… in order.
  const byWave: number[][] = []
  for (const id of atomics) (byWave[wave[id]!] ??= []).push(id)
  const waves: ServiceName[][] = []
  const steps: StopStep[] = []
  for (const ids of byWave) {
    if (ids === undefined) continue
    const index = waves.length
    waves.push(ids.map((id) => r.names[id]!))
    for (const id of ids) {
      const b = budgets[id]!
      const step: StopStep = {
        name: r.names[id]!,
        type: r.kinds[id] as 'oneshot' | 'longrun',
        overlay: r.overlay[id]!,
        wave: index,
        killAfterMs: b.killAfterMs,
        finishMs: b.finishMs,
        budgetMs: b.budgetMs,
      }
      if (b.signal !== undefined) step.signal = b.signal
      if (kept[id]) step.kept = kept[id] === 2 ? 'essential' : 'needed-by-essential'
      steps.push(step)
    }
  }
  let longest = 0
  let longestAtLeast = 0
  for (const id of atomics) {
    longest = Math.max(longest, end[id]!)
    longestAtLeast = Math.max(longestAtLeast, atLeast[id]!)
  }
  const servicesMs = unbounded ? null : longest
  const grace = killGraceMs(graph)
  const totalMs = servicesMs === null ? null : servicesMs + grace
  return {
    order: waves.flat(),
    waves,
    steps,
    servicesMs,
    killGraceMs: grace,
    totalMs,
    atLeastMs: longestAtLeast + grace,
    dockerStopMs: DOCKER_STOP_DEFAULT_MS,
    // At equality the two race: Docker's SIGKILL may come first.
    overDockerStop: totalMs === null || totalMs >= DOCKER_STOP_DEFAULT_MS,
  }
}
