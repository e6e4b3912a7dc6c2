/**
 * The graph's file format: pretty JSON (2 spaces, trailing newline) with keys in a fixed order,
 * services and layout sorted by name, so the same graph always gives the same bytes and diffs
 * stay small. Used by content/examples and the CLI.
 */
import { compareNames } from './service-graph'
import type { ServiceGraph } from './types'

/** Key order per kind of object; keys not listed follow, sorted. */
const ORDER: Record<string, readonly string[]> = {
  graph: ['version', 'project', 'services', 'layout'],
  project: [
    'name',
    'overlayVersion',
    'stageName',
    'baseImage',
    'packageManager',
    'repoDir',
    'env',
    's6Env',
    'dependOnBase',
    'healthcheck',
    'ports',
  ],
  service: [
    ...[
      'type',
      'description',
      'essential',
      'up',
      'down',
      'run',
      'finish',
      'contents',
      'dependencies',
    ],
    ...['withContenv', 'timeoutUp', 'timeoutDown', 'env', 'readiness', 'lockFd', 'timeoutKill'],
    ...[
      'timeoutFinish',
      'downSignal',
      'maxDeathTally',
      'producerFor',
      'consumerFor',
      'pipelineName',
    ],
    ...['process', 'children', 'extraFiles', 'estimatedUpMs'],
  ],
  script: ['language', 'body'],
  env: ['name', 'value', 'description', 'group', 'secret'],
  healthcheck: ['services', 'url', 'intervalS', 'timeoutS', 'startPeriodS', 'retries'],
  readiness: ['notificationFd', 'check'],
  child: ['name', 'count'],
  file: ['path', 'contents', 'executable'],
  xy: ['x', 'y'],
  sorted: [],
}

/** Which kind an object found under `key` of a `parent` kind is. */
function kindOf(parent: string, key: string): string {
  if (parent === 'graph')
    return key === 'project'
      ? 'project'
      : key === 'services' || key === 'layout'
        ? `map:${key}`
        : 'sorted'
  if (parent === 'map:services') return 'service'
  if (parent === 'map:layout') return 'xy'
  if (parent === 'project')
    return key === 'env' ? 'env' : key === 'healthcheck' ? 'healthcheck' : 'sorted'
  if (parent === 'service') {
    if (['up', 'down', 'run', 'finish'].includes(key)) return 'script'
    const kinds: Record<string, string> = {
      env: 'env',
      readiness: 'readiness',
      children: 'child',
      extraFiles: 'file',
    }
    return kinds[key] ?? 'sorted'
  }
  return 'sorted'
}

function orderedKeys(kind: string, obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined)
  if (kind.startsWith('map:') || kind === 'sorted') return keys.sort(compareNames)
  const order = ORDER[kind] ?? []
  const known = order.filter((k) => keys.includes(k))
  return [...known, ...keys.filter((k) => !order.includes(k)).sort(compareNames)]
}

function print(value: unknown, kind: string, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const inner = indent + '  '
    return `[\n${value.map((v) => inner + print(v, kind, inner)).join(',\n')}\n${indent}]`
  }
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>
    const keys = orderedKeys(kind, obj)
    if (keys.length === 0) return '{}'
    const inner = indent + '  '
    const lines = keys.map(
      (k) => `${inner}${JSON.stringify(k)}: ${print(obj[k], kindOf(kind, k), inner)}`,
    )
    return `{\n${lines.join(',\n')}\n${indent}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The graph as stable, pretty JSON with a trailing newline.
 *
 * @example
 * serializeGraph(createGraph()) // '{\n  "version": 1,\n  "project": {\n ...'
 */
export function serializeGraph(graph: ServiceGraph): string {
  return `${print(graph, 'graph', '')}\n`
}
