/**
 * Derived data (STYLE 12). Diagnostics are computed once per graph identity: every component
 * that asks for the same graph's problems shares one `validate` run.
 */
import { validate } from '../graph/validate'
import type { Diagnostic, ServiceGraph, ServiceName } from '../graph/types'
import type { EditorState } from './types'

export interface ProblemCounts {
  errors: number
  warnings: number
  infos: number
}

interface DiagnosticIndex {
  all: Diagnostic[]
  counts: ProblemCounts
  byService: Map<ServiceName | undefined, Diagnostic[]>
  countsByService: Map<ServiceName, ProblemCounts>
  /** Memo of fieldDiagnostics, so selectors return the same array for the same graph. */
  byField: Map<string, Diagnostic[]>
}

const EMPTY: Diagnostic[] = []
const ZERO: ProblemCounts = { errors: 0, warnings: 0, infos: 0 }
const cache = new WeakMap<ServiceGraph, DiagnosticIndex>()

function count(list: readonly Diagnostic[]): ProblemCounts {
  const c = { errors: 0, warnings: 0, infos: 0 }
  for (const d of list) {
    if (d.severity === 'error') c.errors++
    else if (d.severity === 'warning') c.warnings++
    else c.infos++
  }
  return c
}

function index(graph: ServiceGraph): DiagnosticIndex {
  const hit = cache.get(graph)
  if (hit) return hit
  let all: Diagnostic[]
  try {
    all = validate(graph)
  } catch {
    all = EMPTY
  }
  const byService = new Map<ServiceName | undefined, Diagnostic[]>()
  const file = (name: ServiceName | undefined, d: Diagnostic) => {
    const list = byService.get(name)
    if (list) list.push(d)
    else byService.set(name, [d])
  }
  for (const d of all) {
    file(d.service, d)
    // A cycle is every member's problem: each node is marked, each inspector lists it.
    for (const other of d.also ?? []) file(other, d)
  }
  const countsByService = new Map<ServiceName, ProblemCounts>()
  for (const [name, list] of byService)
    if (name !== undefined) countsByService.set(name, count(list))
  const built = { all, counts: count(all), byService, countsByService, byField: new Map() }
  cache.set(graph, built)
  return built
}

/** Every diagnostic of the checked graph (see `checkedGraph`: it follows edits within ms). */
export const selectDiagnostics = (s: EditorState): Diagnostic[] => index(s.checkedGraph).all

/** Errors, warnings and infos in the whole checked graph. */
export const selectProblemCounts = (s: EditorState): ProblemCounts => index(s.checkedGraph).counts

/** Diagnostics of one service (or, with `undefined`, those about the project). */
export function diagnosticsFor(
  graph: ServiceGraph,
  service: ServiceName | undefined,
): Diagnostic[] {
  return index(graph).byService.get(service) ?? EMPTY
}

/** Problem counts of one service, for its badges; a shared zero object when it has none. */
export function problemCountsFor(graph: ServiceGraph, service: ServiceName): ProblemCounts {
  return index(graph).countsByService.get(service) ?? ZERO
}

/**
 * Diagnostics of one field: `field` matches exactly, or as a prefix (`env` matches `env.0.name`).
 */
export function fieldDiagnostics(
  graph: ServiceGraph,
  service: ServiceName | undefined,
  field: string,
): Diagnostic[] {
  const idx = index(graph)
  const key = `${service ?? ''}\u0000${field}`
  const hit = idx.byField.get(key)
  if (hit) return hit
  const list = (idx.byService.get(service) ?? EMPTY).filter(
    (d) => d.field !== undefined && (d.field === field || d.field.startsWith(`${field}.`)),
  )
  const result = list.length === 0 ? EMPTY : list
  idx.byField.set(key, result)
  return result
}

export const selectCanUndo = (s: EditorState): boolean =>
  s.past.length > 0 || s.gestureBase !== undefined
export const selectCanRedo = (s: EditorState): boolean => s.future.length > 0

/** The one selected service, when exactly one is selected. */
export const selectSingleSelected = (s: EditorState): ServiceName | undefined =>
  s.selection.services.length === 1 ? s.selection.services[0] : undefined
