/**
 * The designer's "Find a service" (Ctrl+K): services by name first, then by what they hold (a
 * description, a variable, a script line, a process label), each hit saying where it matched so
 * the designer can open that field.
 */
import type { Service, ServiceGraph, ServiceName, ServiceType } from './types'

export interface FoundService {
  name: ServiceName
  type: ServiceType
  /** Lower is better: 0 exact name, 1 name prefix, 2 name part, 3 letters in order, 4 content. */
  score: number
  /** For a content match: what matched, in words ("run script: php artisan migrate"). */
  where?: string
  /** For a content match: the inspector field to open (`run`, `env.2.name`…). */
  field?: string
}

/** How a name matches: 0 exact, 1 prefix, 2 part, 3 letters in order (w-k-r: worker), -1 not. */
function nameScore(name: string, query: string): number {
  const n = name.toLowerCase()
  if (query === '') return 1
  if (n === query) return 0
  if (n.startsWith(query)) return 1
  if (n.includes(query)) return 2
  let i = 0
  for (const ch of n) if (ch === query[i]) i++
  return i === query.length ? 3 : -1
}

/** The line of `text` holding `query` (lower case), trimmed and cut to 60 characters. */
function lineWith(text: string, query: string): string | undefined {
  const at = text.toLowerCase().indexOf(query)
  if (at < 0) return undefined
  const start = text.lastIndexOf('\n', at) + 1
  const end = text.indexOf('\n', at)
  const line = text.slice(start, end < 0 ? undefined : end).trim()
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}

/** Where in a service `query` (lower case, 2 characters or more) appears, first place only. */
function contentMatch(s: Service, query: string): { where: string; field: string } | undefined {
  const text = (label: string, field: string, value: string | undefined) => {
    const line = value === undefined ? undefined : lineWith(value, query)
    return line === undefined ? undefined : { where: `${label}: ${line}`, field }
  }
  const found =
    text('description', 'description', s.description) ??
    (s.type === 'oneshot'
      ? (text('up script', 'up', s.up.body) ?? text('down script', 'down', s.down?.body))
      : s.type === 'longrun'
        ? (text('run script', 'run', s.run.body) ??
          text('finish script', 'finish', s.finish?.body) ??
          text('process', 'process', s.process) ??
          text('ready check', 'readiness.check', s.readiness?.check))
        : undefined)
  if (found || s.type !== 'longrun') return found
  for (const [i, v] of (s.env ?? []).entries()) {
    const hit =
      text('variable', `env.${i}.name`, v.name) ??
      (v.secret ? undefined : text(`variable ${v.name}`, `env.${i}.value`, v.value))
    if (hit) return hit
  }
  return undefined
}

/**
 * Services whose name matches `query`, then those that hold it, best first (then by name), at
 * most `limit`. Content is searched from two characters on, case-insensitively; secret values
 * never.
 *
 * @example
 * findServices(graph, 'artisan') // [{ name: 'migrate', type: 'oneshot', score: 4, where: 'up script: php artisan migrate --force', field: 'up' }]
 */
export function findServices(graph: ServiceGraph, query: string, limit = 50): FoundService[] {
  const q = query.trim().toLowerCase()
  const list: FoundService[] = []
  for (const [name, s] of Object.entries(graph.services)) {
    const score = nameScore(name, q)
    if (score >= 0) {
      list.push({ name, type: s.type, score })
      continue
    }
    const hit = q.length >= 2 ? contentMatch(s, q) : undefined
    if (hit) list.push({ name, type: s.type, score: 4, ...hit })
  }
  return list.sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1)).slice(0, limit)
}
