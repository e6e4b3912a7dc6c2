/**
 * Benchmark: the export of a 1,000-service design, as a file map (target 100 ms) and as a zip
 * (target 500 ms). The graph is bench/validate-plan.ts's generated one, with env vars, finish
 * scripts and readiness checks added so every generator has work. Median of repeated runs
 * after a warm-up.
 *
 * Run directly: npx tsx bench/export.ts
 */
import { pathToFileURL } from 'node:url'
import { zipFiles } from '../lib/export/zip'
import { exportFiles } from '../lib/generate/export-files'
import type { Service, ServiceGraph } from '../lib/graph/types'
import { benchGraph } from './validate-plan'
import type { BenchRow } from './row'

/** `size` services with per-service env, finish scripts and readiness checks on some longruns. */
export function exportBenchGraph(size: number): ServiceGraph {
  const graph = benchGraph(size)
  const services: Record<string, Service> = {}
  let i = 0
  for (const [name, s] of Object.entries(graph.services)) {
    if (s.type !== 'longrun' || s.consumerFor) {
      services[name] = s
      continue
    }
    i++
    services[name] = {
      ...s,
      description: `Service ${name}: serves requests. Generated for the benchmark.`,
      env: [
        { name: 'PORT', value: String(8000 + i), group: 'Network' },
        { name: 'MODE', value: 'production', group: 'App' },
      ],
      ...(i % 3 === 0 ? { finish: { language: 'sh' as const, body: 'echo "exit $1" >&2' } } : {}),
      ...(i % 4 === 0
        ? { readiness: { notificationFd: 3, check: `test -S /run/${name}.sock` } }
        : {}),
    }
  }
  return {
    ...graph,
    project: {
      ...graph.project,
      env: [{ name: 'APP_ENV', value: 'production' }],
      s6Env: { S6_VERBOSITY: '1' },
    },
    services,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** Median wall-clock milliseconds of `runs` calls, after two warm-up calls. */
async function time(fn: () => unknown, runs: number): Promise<{ wall: number }> {
  const once = async () => {
    const started = performance.now()
    await fn()
    return performance.now() - started
  }
  for (let i = 0; i < 2; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push(await once())
  return { wall: median(samples) }
}

/** Runs the benchmark and returns one row per measurement. */
export async function benchExport(): Promise<BenchRow[]> {
  const graph = exportBenchGraph(1000)
  const files = exportFiles(graph)
  const map = await time(() => exportFiles(graph), 9)
  const zip = await time(() => zipFiles(files), 5)
  const row = (name: string, value: number, unit: string, budget: number): BenchRow => ({
    name,
    value: Math.round(value * 100) / 100,
    unit,
    budget,
    met: value <= budget,
  })
  // Wall-clock time is what a user waits; it needs an otherwise idle machine to mean much.
  // (Process CPU time is no better here: it adds the garbage collector's helper threads.)
  return [
    row(`export file map, 1,000 services (${files.size} files)`, map.wall, 'ms', 100),
    row('export zip, 1,000 services', zip.wall, 'ms', 500),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchExport()) {
    console.log(
      `${r.met ? 'ok  ' : 'SLOW'} ${r.name}: ${r.value} ${r.unit} (budget ${r.budget} ${r.unit})`,
    )
  }
}
