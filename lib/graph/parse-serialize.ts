/**
 * The graph's file format: pretty JSON (2 spaces, trailing newline) with keys in a fixed order,
 * services and layout sorted by name, so the same graph always gives the same bytes and diffs
 * stay small. Used by content/examples and the CLI.
 */
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

/** Kinds of the service fields that hold objects. */
const SERVICE_FIELD_KINDS: ReadonlyMap<string, string> = new Map([
  ...['up', 'down', 'run', 'finish'].map((k) => [k, 'script'] as const),
  ['env', 'env'],
  ['readiness', 'readiness'],
  ['children', 'child'],
  ['extraFiles', 'file'],
])

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
  if (parent === 'service') return SERVICE_FIELD_KINDS.get(key) ?? 'sorted'
  return 'sorted'
}

/** Each kind's key order as ranks. */
const RANKS: Record<string, ReadonlyMap<string, number>> = Object.fromEntries(
  Object.entries(ORDER).map(([kind, keys]) => [kind, new Map(keys.map((k, i) => [k, i]))]),
)

function orderedKeys(kind: string, obj: Record<string, unknown>): string[] {
  const known: string[] = []
  const others: string[] = []
  const rank = RANKS[kind]
  for (const k of Object.keys(obj)) {
    if (obj[k] === undefined) continue
    if (rank?.has(k)) known.push(k)
    else others.push(k)
  }
  // The default sort compares UTF-16 code units, the same order as compareNames.
  others.sort()
  if (known.length === 0) return others
  known.sort((a, b) => (rank?.get(a) ?? 0) - (rank?.get(b) ?? 0))
  return others.length === 0 ? known : known.concat(others)
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

/** Keys a JS object lists first, in numeric order, whatever order they were added in. */
const INDEX_LIKE = /^\d+$/

/** Thrown by `inFileOrder` when a copy cannot keep the file's key order. */
class NotInOrder extends Error {}

/**
 * A copy of `value` whose objects hold their keys in file order, for JSON.stringify (which
 * keeps the order keys were added in, and writes the same layout as `print`). A `__proto__`
 * key is defined as an own property, not set (which would replace the prototype); values JSON
 * has no form for become null, as `print` writes them. Throws NotInOrder for a key that looks
 * like an array index.
 */
function inFileOrder(value: unknown, kind: string): unknown {
  if (Array.isArray(value)) return value.map((v) => inFileOrder(v, kind) ?? null)
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>
    const copy: Record<string, unknown> = {}
    for (const k of orderedKeys(kind, obj)) {
      if (INDEX_LIKE.test(k)) throw new NotInOrder()
      const v = inFileOrder(obj[k], kindOf(kind, k)) ?? null
      if (k === '__proto__') Object.defineProperty(copy, k, { value: v, enumerable: true })
      else copy[k] = v
    }
    return copy
  }
  return typeof value === 'function' || typeof value === 'symbol' ? null : value
}

/**
 * The graph as stable, pretty JSON with a trailing newline.
 *
 * @example
 * serializeGraph(createGraph()) // '{\n  "version": 1,\n  "project": {\n ...'
 */
export function serializeGraph(graph: ServiceGraph): string {
  let copy: unknown
  try {
    copy = inFileOrder(graph, 'graph')
  } catch (error) {
    if (!(error instanceof NotInOrder)) throw error
    return printGraph(graph)
  }
  // The native writer: about a quarter less time than `print` on a 10,000-service graph.
  return `${JSON.stringify(copy, null, 2)}\n`
}

/**
 * The same text as serializeGraph, written piece by piece: slower, but right for every key
 * (serializeGraph uses it when a key looks like an array index, such as a service named `10`).
 */
export function printGraph(graph: ServiceGraph): string {
  return `${print(graph, 'graph', '')}\n`
}
