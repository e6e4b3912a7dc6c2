/**
 * The process tree as rows for the Process tree preview: drawn like `ps -H`/`pstree` with tree
 * guides, each row tied to its service, and child counts read from the env var that holds them
 * when the design gives it a value.
 */
import type { ServiceGraph } from '../graph/types'
import type { ProcessNode } from '../plan/plan'

export interface ProcessRow {
  /** Stable key: the labels from the root down. */
  key: string
  label: string
  kind: ProcessNode['kind']
  service?: string
  quiet: boolean
  depth: number
  /** Tree-drawing prefix, for example '│   └── '. */
  guide: string
  /** As declared: a number or the name of an env var. */
  count?: number | string
  /** The count as a number when known (the var's value in the service or the container). */
  resolvedCount?: number
  /** A supervisor of a service the boot does not start (see ProcessNode.idle). */
  idle?: true
}

export interface ProcessCounts {
  /** Services with their own s6-supervise. */
  supervised: number
  /** s6's internal supervisors. */
  internal: number
  /** Every process, children at their counts; a count that is not known counts once. */
  processes: number
  /** Whether some count was not known (so `processes` is a lower bound). */
  atLeast: boolean
}

/** A child count as a number: the value itself, or the env var's value in the design. */
export function resolveCount(
  graph: ServiceGraph,
  service: string | undefined,
  count: number | string | undefined,
): number | undefined {
  if (typeof count === 'number') return Number.isFinite(count) && count >= 0 ? count : undefined
  if (typeof count !== 'string') return undefined
  const own =
    service !== undefined && Object.hasOwn(graph.services, service)
      ? graph.services[service]
      : undefined
  const vars = [...(own?.type === 'longrun' ? own.env : []), ...graph.project.env]
  const value = vars.find((v) => v.name === count)?.value.trim()
  return value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : undefined
}

/**
 * Flattens a process tree into rows with tree guides.
 *
 * @example
 * processRows(processTree(graph), graph)[0] // { label: '/init', depth: 0, guide: '', … }
 */
export function processRows(root: ProcessNode, graph: ServiceGraph): ProcessRow[] {
  const rows: ProcessRow[] = []
  const walk = (node: ProcessNode, depth: number, prefix: string, last: boolean, key: string) => {
    const row: ProcessRow = {
      key,
      label: node.label,
      kind: node.kind,
      quiet: node.quiet,
      depth,
      guide: depth === 0 ? '' : `${prefix}${last ? '└── ' : '├── '}`,
    }
    if (node.service !== undefined) row.service = node.service
    if (node.idle) row.idle = true
    if (node.count !== undefined) {
      row.count = node.count
      const n = resolveCount(graph, node.service, node.count)
      if (n !== undefined) row.resolvedCount = n
    }
    rows.push(row)
    const childPrefix = depth === 0 ? '' : `${prefix}${last ? '    ' : '│   '}`
    node.children.forEach((c, i) =>
      walk(c, depth + 1, childPrefix, i === node.children.length - 1, `${key}/${c.label}#${i}`),
    )
  }
  walk(root, 0, '', true, root.label)
  return rows
}

/** How many supervisors and processes the tree holds. */
export function countProcesses(rows: readonly ProcessRow[]): ProcessCounts {
  let supervised = 0
  let internal = 0
  let processes = 0
  let atLeast = false
  for (const r of rows) {
    if (r.kind === 'supervise' && !r.idle) supervised++
    if (r.kind === 'internal' && r.label.startsWith('s6-supervise ')) internal++
    if (r.count === undefined) processes++
    else if (r.resolvedCount !== undefined) processes += r.resolvedCount
    else {
      processes++
      atLeast = true
    }
  }
  return { supervised, internal, processes, atLeast }
}
