/**
 * Carriage returns (FORMAT §6.1): a Windows line ending anywhere the export writes breaks
 * shebangs, arguments and names, so every such field is an error.
 */
import { show } from './report'
import type { Findings } from './report'
import type { Raw } from './guards'
import { isRecord } from './guards'

function scriptFile(path: string[]): string | undefined {
  const [top, second, third] = path
  if (top === 'up' || top === 'down' || top === 'run' || top === 'finish') return top
  if (top === 'readiness' && second === 'check') return 'data/check'
  if (top === 'env' && second !== undefined && third !== undefined) return 'env'
  return undefined
}

const NAME_FIELDS = new Set([
  'dependencies',
  'contents',
  'consumerFor',
  'producerFor',
  'pipelineName',
])

interface Walk {
  path: string[]
  depth: number
  budget: number
  report: (path: string[]) => void
}

function walkStrings(value: unknown, w: Walk): void {
  if (w.budget-- <= 0) return
  if (typeof value === 'string') {
    if (value.includes('\r')) w.report([...w.path])
    return
  }
  if (w.path.length >= w.depth) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      w.path.push(String(i))
      walkStrings(value[i], w)
      w.path.pop()
    }
  } else if (isRecord(value)) {
    const top = w.path.length === w.depth - 6
    for (const key in value) {
      if (!Object.hasOwn(value, key) || (top && NAME_FIELDS.has(key))) continue
      w.path.push(key)
      walkStrings(value[key], w)
      w.path.pop()
    }
  }
}

/**
 * Reports every text field holding a carriage return (names have their own rule). Walks
 * depth-first with one shared path, so a clean service allocates almost nothing.
 */
function checkCarriageReturns(raw: Raw, prefix: string[], report: (path: string[]) => void): void {
  walkStrings(raw, { path: [...prefix], depth: prefix.length + 6, budget: 10_000, report })
}

const TEXT_KEYS = ['description', 'process', 'downSignal'] as const
const SCRIPT_KEYS = ['up', 'down', 'run', 'finish'] as const
const LIST_KEYS: readonly [string, readonly string[]][] = [
  ['env', ['name', 'value', 'description', 'group']],
  ['children', ['name', 'count']],
  ['extraFiles', ['path', 'contents']],
]

const hasCr = (value: unknown) => typeof value === 'string' && value.includes('\r')

/**
 * Paths of the text fields of a service that the export writes and that hold a carriage
 * return (names have their own rule). Looks at the known fields only, with no closures or
 * allocations for a clean service: this runs for every service on every edit.
 */
function carriageReturnPaths(raw: Raw): string[][] | undefined {
  let found: string[][] | undefined
  for (const key of TEXT_KEYS) if (hasCr(raw[key])) (found ??= []).push([key])
  for (const key of SCRIPT_KEYS) {
    const script = raw[key]
    if (isRecord(script) && hasCr(script.body)) (found ??= []).push([key, 'body'])
  }
  if (isRecord(raw.readiness) && hasCr(raw.readiness.check))
    (found ??= []).push(['readiness', 'check'])
  for (const [field, keys] of LIST_KEYS) {
    const list = raw[field]
    if (!Array.isArray(list)) continue
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (!isRecord(item)) continue
      for (const key of keys) if (hasCr(item[key])) (found ??= []).push([field, String(i), key])
    }
  }
  return found
}

/** Carriage returns in a service's exported text fields. */
export function checkServiceCarriageReturns(name: string, raw: Raw, out: Findings): void {
  for (const path of carriageReturnPaths(raw) ?? []) {
    out.add({
      code: 'carriage-return',
      service: name,
      field: path.join('.'),
      file: scriptFile(path),
      message: `${show(name)}'s ${path.join('.')} contains a carriage return (a Windows line ending).`,
    })
  }
}

/** Carriage returns anywhere in the project settings. */
export function checkProjectCarriageReturns(rawProject: Raw, out: Findings): void {
  checkCarriageReturns(rawProject, ['project'], (path) =>
    out.add({
      code: 'carriage-return',
      field: path.join('.'),
      message: `The project's ${path.slice(1).join('.')} contains a carriage return (a Windows line ending).`,
    }),
  )
}
