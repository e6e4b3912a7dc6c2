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
import { validate } from '../lib/graph/validate'
import { benchGraph, edited } from './validate-plan'
import { type BenchRow, budgetRow, medianTime, medianTimeOf } from './row'

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

/** Runs the benchmark and returns one row per measurement. */
export async function benchExport(): Promise<BenchRow[]> {
  const graph = exportBenchGraph(1000)
  const files = exportFiles(graph)
  // A new graph each run, validated as the designer and the CLI have it when they export.
  const map = await medianTimeOf(() => {
    const input = edited(graph)
    validate(input)
    return () => exportFiles(input)
  }, 9)
  const zip = await medianTime(() => zipFiles(files), 5)
  // Wall-clock time is what a user waits; it needs an otherwise idle machine to mean much.
  // (Process CPU time is no better here: it adds the garbage collector's helper threads.)
  return [
    budgetRow(`export file map, 1,000 services (${files.size} files)`, map, 'ms', 100),
    budgetRow('export zip, 1,000 services', zip, 'ms', 500),
  ]
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchExport()) {
    console.log(
      `${r.met ? 'ok  ' : 'SLOW'} ${r.name}: ${r.value} ${r.unit} (budget ${r.budget} ${r.unit})`,
    )
  }
}
