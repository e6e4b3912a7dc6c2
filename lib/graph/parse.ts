/**
 * The single gate for untrusted graph data: JSON files, saved editor state, share links,
 * pasted text. It refuses absurd sizes, migrates older versions, checks every field's shape,
 * fills defaults and guarantees the `user` bundle. It never throws.
 */
import { migrateGraph } from './migrate'
import { readProject } from './parse-project'
import { readServiceValue } from './parse-service'
import { finiteNumber, Notes, object, record, ShapeError } from './parse-shape'
import { bundle, pipelineNames, USER_BUNDLE } from './service-graph'
import type { Service, ServiceGraph, XY } from './types'
import { GRAPH_VERSION } from './types'

export { serializeGraph } from './parse-serialize'

export type ParseResult =
  { ok: true; graph: ServiceGraph; notes: string[] } | { ok: false; error: string }

export interface ParseLimits {
  services: number
  /** Longest single string, in characters. */
  stringChars: number
  /** All strings and keys together, in characters. */
  totalChars: number
  depth: number
}

/** What parseGraph accepts at most from a file, a link or pasted text. */
export const PARSE_LIMITS: ParseLimits = {
  services: 5000,
  stringChars: 100 * 1024,
  totalChars: 5 * 1024 * 1024,
  depth: 32,
}

/**
 * What it accepts from the designer's own storage (the autosave, Recent designs): whatever the
 * editor let the user make, so that no design is refused on reload. The browser's storage
 * holds a few MB at most; the limits only keep a damaged entry from running away.
 */
export const OWN_LIMITS: ParseLimits = {
  services: 50_000,
  stringChars: 64 * 1024 * 1024,
  totalChars: 64 * 1024 * 1024,
  depth: 32,
}

/** A size in characters as the messages say it: 100 KB, 5 MB. */
function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${chars / (1024 * 1024)} MB` : `${chars / 1024} KB`
}

/** Checks sizes and cycles before reading; returns the problem, if any. */
function measure(root: unknown, limits: ParseLimits): string | undefined {
  let total = 0
  const ancestors = new Set<object>()
  const tooBig = `the graph is larger than ${size(limits.totalChars)}`
  const visit = (value: unknown, path: string, depth: number): string | undefined => {
    if (typeof value === 'string') {
      total += value.length
      if (value.length > limits.stringChars)
        return `${path || 'value'}: text longer than ${size(limits.stringChars)}`
      return undefined
    }
    total += 4
    if (typeof value !== 'object' || value === null) return undefined
    if (depth > limits.depth) return `${path}: nested too deeply`
    if (ancestors.has(value)) return `${path}: contains itself`
    ancestors.add(value)
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]])
    for (const [k, v] of entries) {
      total += k.length
      if (total > limits.totalChars) return tooBig
      const problem = visit(v, path ? `${path}.${k}` : k, depth + 1)
      if (problem) return problem
    }
    ancestors.delete(value)
    return total > limits.totalChars ? tooBig : undefined
  }
  return visit(root, '', 0)
}

function readLayout(
  value: unknown,
  services: Record<string, Service>,
  notes: Notes,
): Record<string, XY> {
  const layout: Record<string, XY> = {}
  if (value === undefined || value === null) return layout
  const pipelines = pipelineNames({ services } as ServiceGraph)
  for (const [name, xy] of record('layout', value, 'an object of positions')) {
    if (name === '__proto__' || (!Object.hasOwn(services, name) && !pipelines.has(name))) {
      notes.add(`layout.${name}: no such service, position dropped`)
      continue
    }
    const o = object(`layout.${name}`, xy, ['x', 'y'], notes, 'a position ({ x, y })')
    layout[name] = {
      x: finiteNumber(`layout.${name}.x`, o.x),
      y: finiteNumber(`layout.${name}.y`, o.y),
    }
  }
  return layout
}

function parseUnsafe(input: unknown, limits: ParseLimits): ParseResult {
  let value = input
  if (typeof value === 'string') {
    if (value.length > limits.totalChars)
      return { ok: false, error: `the graph is larger than ${size(limits.totalChars)}` }
    try {
      // A byte-order mark some editors write first is not part of the JSON.
      value = JSON.parse(value.startsWith('\ufeff') ? value.slice(1) : value)
    } catch (error) {
      return {
        ok: false,
        error: `not JSON (${error instanceof Error ? error.message : 'syntax error'})`,
      }
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'expected a graph object ({ version, project, services, layout })' }
  }
  // A design may lack some parts (they get defaults), but not all: `{"name": …}` from a
  // package.json picked by mistake is not an empty design.
  if (!['version', 'project', 'services'].some((key) => Object.hasOwn(value as object, key))) {
    return {
      ok: false,
      error: 'this is not an s6 Designer graph (it has no version, project or services)',
    }
  }
  const tooBig = measure(value, limits)
  if (tooBig) return { ok: false, error: tooBig }
  const notes = new Notes()
  const top = object('', value, ['version', 'project', 'services', 'layout'], notes)
  const migrated = migrateGraph(top)
  if (!migrated.ok) return migrated
  for (const n of migrated.notes) notes.add(n)
  const raw = migrated.graph
  const project = readProject('project', raw.project, notes)
  const entries =
    raw.services === undefined || raw.services === null
      ? []
      : record('services', raw.services, 'an object of services')
  if (entries.length > limits.services) {
    return {
      ok: false,
      error: `services: ${entries.length} services; s6 Designer handles at most ${limits.services.toLocaleString('en-US')}`,
    }
  }
  const services: Record<string, Service> = {}
  for (const [name, v] of entries) {
    if (name === '__proto__') {
      notes.add('services.__proto__: not a usable service name, dropped')
      continue
    }
    services[name] = readServiceValue(`services.${name}`, v, notes)
  }
  const user = services[USER_BUNDLE]
  if (!user) {
    services[USER_BUNDLE] = bundle()
    notes.add('services.user: missing, added (the bundle s6-overlay starts at boot)')
  } else if (user.type !== 'bundle') {
    return {
      ok: false,
      error: `services.user: expected a bundle (what s6-overlay starts at boot), got a ${user.type}`,
    }
  }
  const layout = readLayout(raw.layout, services, notes)
  return {
    ok: true,
    graph: { version: GRAPH_VERSION, project, services, layout },
    notes: notes.list,
  }
}

function message(error: unknown): string {
  try {
    if (error instanceof ShapeError) return error.message
    return `could not read the graph (${error instanceof Error ? error.message : String(error)})`
  } catch {
    return 'could not read the graph'
  }
}

/**
 * Turns untrusted data (a graph JSON file or its text, a saved state, a decoded link) into a
 * ServiceGraph: migrates older versions, fills defaults, and refuses wrong shapes with one
 * clear message naming the field. Never throws.
 *
 * @example
 * parseGraph({ version: 1, services: { web: { type: 'longrun', timeoutUp: '5s' } } })
 * // { ok: false, error: 'services.web.timeoutUp: expected a number of milliseconds, got "5s"' }
 */
export function parseGraph(input: unknown, limits: ParseLimits = PARSE_LIMITS): ParseResult {
  try {
    return parseUnsafe(input, limits)
  } catch (error) {
    return { ok: false, error: message(error) }
  }
}
