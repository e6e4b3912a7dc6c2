/**
 * The design the export benchmarks use (bench/core.ts: export file map, zip, readTree):
 * bench/validate-plan.ts's generated graph, with env vars, finish scripts and readiness checks
 * added so every generator has work.
 */
import type { Service, ServiceGraph } from '../lib/graph/types'
import { benchGraph } from './validate-plan'

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
      // A start timeout with each readiness check, as validation asks (readiness-unbounded).
      ...(i % 4 === 0
        ? {
            readiness: { notificationFd: 3, check: `test -S /run/${name}.sock` },
            timeoutUp: 30_000,
          }
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
