/**
 * Benchmark: validate + startPlan + stopPlan + processTree on generated graphs of 1,000 and
 * 10,000 services (chains, fan-in, nested bundles, pipelines). Prints the median of repeated
 * runs after a warm-up, and the growth ratio (about 10 when the work is linear). Wall time is
 * what users feel; CPU time (all threads, garbage collection included) is shown too because it
 * stays meaningful when other processes compete for the machine.
 *
 * Run directly: npx tsx bench/validate-plan.ts
 */
import { pathToFileURL } from 'node:url'
import { bundle, defaultProject, longrun, oneshot } from '../lib/graph/service-graph'
import { GRAPH_VERSION } from '../lib/graph/types'
import type { Service, ServiceGraph } from '../lib/graph/types'
import { validate } from '../lib/graph/validate'
import { processTree, startPlan, stopPlan } from '../lib/plan/plan'
import { type BenchRow, budgetRow, median } from './row'

export type { BenchRow } from './row'

/**
 * `size` services: groups of ten where a oneshot feeds a chain of longruns, every longrun of a
 * group also depends on the previous group's bundle (fan-in), every fifth group's last longrun
 * gets a logger pipeline, and the group bundles nest in tens under `user`.
 */
export function benchGraph(size: number): ServiceGraph {
  const services: Record<string, Service> = {}
  const groups = Math.ceil(size / 10)
  const tops: string[] = []
  let count = 0
  for (let g = 0; g < groups && count < size; g++) {
    const members: string[] = []
    const prep = `g${g}-prep`
    services[prep] = oneshot({ estimatedUpMs: 50, dependencies: g > 0 ? [`g${g - 1}`] : [] })
    members.push(prep)
    count++
    let previous = prep
    for (let i = 1; i < 10 && count < size; i++) {
      const name = `g${g}-s${i}`
      const logged = g % 5 === 0 && i === 8 && count + 2 < size
      services[name] = longrun({
        dependencies: g > 0 ? [previous, `g${g - 1}`] : [previous],
        timeoutKill: 100,
        estimatedUpMs: 20,
        ...(logged ? { producerFor: `${name}-log` } : {}),
      })
      count++
      if (logged) {
        services[`${name}-log`] = longrun({
          consumerFor: [name],
          pipelineName: `${name}-pipeline`,
          run: { language: 'execline', body: `logutil-service /var/log/${name}` },
          dependencies: [prep],
          timeoutKill: 100,
        })
        count++
        members.push(`${name}-pipeline`)
      } else members.push(name)
      previous = name
    }
    services[`g${g}`] = bundle({ contents: members })
    tops.push(`g${g}`)
  }
  const outer: string[] = []
  for (let i = 0; i < tops.length; i += 10) {
    const name = `group-${i / 10}`
    services[name] = bundle({ contents: tops.slice(i, i + 10) })
    outer.push(name)
  }
  services.user = bundle({ contents: outer })
  return { version: GRAPH_VERSION, project: defaultProject(), services, layout: {} }
}

interface Timing {
  /** Median wall time of one run, ms. */
  wallMs: number
  /** Median CPU time (user + system, all threads) of one run, ms: steadier on a busy machine. */
  cpuMs: number
}

/**
 * The graph as an edit leaves it: a new graph object with a new services object holding the
 * same services. What lib keeps per graph or per services object (the resolution the plans
 * share, the services read into arrays) is therefore not carried over from the last run.
 */
export function edited(graph: ServiceGraph): ServiceGraph {
  return { ...graph, services: { ...graph.services } }
}

/**
 * What the designer computes after an edit: validation, the start and stop plans and the
 * process tree of the new graph (pass a new one each run: see `edited`).
 */
export function validateAndPlan(graph: ServiceGraph): void {
  validate(graph)
  startPlan(graph)
  stopPlan(graph)
  processTree(graph)
}

function timeAll(graph: ServiceGraph, runs: number): Timing {
  const once = (): [number, number] => {
    const input = edited(graph)
    const cpu = process.cpuUsage()
    const started = performance.now()
    validateAndPlan(input)
    const used = process.cpuUsage(cpu)
    return [performance.now() - started, (used.user + used.system) / 1000]
  }
  // Warm up until the JIT has settled: at least 10 runs and 400 ms.
  const warmUntil = performance.now() + 400
  for (let i = 0; i < 10 || performance.now() < warmUntil; i++) once()
  const samples = Array.from({ length: runs }, once)
  return { wallMs: median(samples.map((s) => s[0])), cpuMs: median(samples.map((s) => s[1])) }
}

/** Runs the benchmark and returns one row per measurement. */
export function benchValidatePlan(): BenchRow[] {
  const small = timeAll(benchGraph(1000), 15)
  const large = timeAll(benchGraph(10_000), 7)
  return [
    budgetRow('validate+plans, 1,000 services', small.wallMs, 'ms', 20),
    budgetRow('validate+plans, 10,000 services', large.wallMs, 'ms', 250),
    budgetRow('growth 1,000 -> 10,000 services', large.wallMs / small.wallMs, 'x', 12),
    budgetRow('validate+plans, 1,000 services (CPU time)', small.cpuMs, 'ms', 20),
    budgetRow('validate+plans, 10,000 services (CPU time)', large.cpuMs, 'ms', 250),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of benchValidatePlan()) {
    console.log(
      `${r.met ? 'ok  ' : 'SLOW'} ${r.name}: ${r.value} ${r.unit} (budget ${r.budget} ${r.unit})`,
    )
  }
}
