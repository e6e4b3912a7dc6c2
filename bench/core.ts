/**
 * Core operations in Node at 100, 1,000 and 10,000 services: validate, plan, export file map,
 * zip, share-link encode + decode, readTree. Budgets at 1,000 services: validate + plan under
 * 20 ms, file map under 100 ms, zip under 500 ms, link encode + decode under 100 ms; and each
 * operation may grow at most 12 times from 1,000 to 10,000 services (linear work grows 10 times).
 * Medians of repeated runs after a warm-up, each run on a fresh input, each size timed over at
 * least MIN_MS. Each operation and size runs in a Node process of its own (see SizeProcess),
 * and the 1,000- and 10,000-service processes take turns, so that both figures of a ratio
 * come from the same stretch of machine time. A last, budget-free row times plain JS for
 * reference.
 *
 * Run directly: npx tsx bench/core.ts [part of an operation's name, e.g. readTree]
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { zipFiles } from '../lib/export/zip'
import { exportFiles } from '../lib/generate/export-files'
import { readTree } from '../lib/graph/read-tree'
import type { TreeInput } from '../lib/graph/tree-input'
import { decodeShareLink, encodeShareLink } from '../lib/share/codec'
import type { TimeRequest } from './core-child'
import { type BenchRow, median, type Prepare } from './row'
import { exportBenchGraph } from './export'
import { edited, validateAndPlan } from './validate-plan'
import type { ServiceGraph } from '../lib/graph/types'
import { validate } from '../lib/graph/validate'

const SIZES = [100, 1_000, 10_000] as const

/** Each size is timed over at least this long, so that every figure spans the same stretch of machine time. */
const MIN_MS = 5_000

/** The 1,000- and 10,000-service processes take turns this many times, each time for MIN_MS / TURNS. */
const TURNS = 5

/** Runs at least, per size: fewer of the slow 10,000-service ones. */
const minRuns = (size: number) => (size >= 10_000 ? 9 : 15)

function treeOf(files: ReturnType<typeof exportFiles>): TreeInput {
  const encoder = new TextEncoder()
  const out: Record<string, Uint8Array> = {}
  for (const [path, file] of files) out[path] = encoder.encode(file.contents)
  return { files: out, dirs: [] }
}

interface Operation {
  name: string
  /** Budget in ms at 1,000 services, if any. */
  budget1000?: number
  /** Budget for the growth from 1,000 to 10,000 services; null for a reference row. */
  growthBudget?: number | null
  /** Builds the input at `size`; returns what prepares one timed call (see row.ts). */
  prepare: (size: number) => Prepare
}

/**
 * An operation on a graph: each call gets the graph as an edit leaves it (see `edited`), and
 * with `validated`, as the designer and the CLI hand it over: validated already (the designer
 * checks each edit as it is made; `s6-designer export` lints first).
 */
function onGraph(
  fn: (g: ServiceGraph) => unknown,
  options: { validated?: boolean } = {},
): Operation['prepare'] {
  return (size) => {
    const g = exportBenchGraph(size)
    return () => {
      const input = edited(g)
      if (options.validated) validate(input)
      return () => fn(input)
    }
  }
}

/**
 * Not s6 Designer's code: a Map of ten file paths per service built in plain JS, the kind of
 * work an export is made of, to show how this machine and V8 scale it from 1,000 to 10,000
 * services (past the young generation, every entry kept is copied by the garbage collector).
 */
function pathMap(size: number): Map<string, { contents: string; executable: boolean }> {
  const out = new Map<string, { contents: string; executable: boolean }>()
  for (let i = 0; i < size; i++) {
    const dir = `docker/s6/rootfs/etc/s6-overlay/s6-rc.d/g${Math.floor(i / 10)}-s${i}`
    for (let k = 0; k < 10; k++)
      out.set(`${dir}/file-${k}`, { contents: `${k}\n`, executable: false })
  }
  return out
}

export const OPERATIONS: Operation[] = [
  { name: 'validate + plan', budget1000: 20, prepare: onGraph(validateAndPlan) },
  {
    name: 'export file map',
    budget1000: 100,
    prepare: onGraph(exportFiles, { validated: true }),
  },
  {
    name: 'zip',
    budget1000: 500,
    prepare: (size) => {
      const files = exportFiles(exportBenchGraph(size))
      return () => () => zipFiles(files)
    },
  },
  {
    name: 'share link encode + decode',
    budget1000: 100,
    prepare: onGraph(async (g) => decodeShareLink(await encodeShareLink(g))),
  },
  {
    name: 'readTree (exported tree)',
    prepare: (size) => {
      const input = treeOf(exportFiles(exportBenchGraph(size)))
      // Without the graph file, so the tree itself is read.
      for (const path of Object.keys(input.files)) {
        if (path.endsWith('s6-designer.json')) delete input.files[path]
      }
      return () => () => readTree(input)
    },
  },
  {
    name: 'reference (plain JS): a Map of 10 paths per service',
    growthBudget: null,
    prepare: (size) => () => () => pathMap(size),
  },
]

/**
 * One operation at one size in a Node process of its own (bench/core-child.ts): its heap holds
 * only that input and what its runs leave, so no figure pays for the garbage of another
 * operation or size, as each process of the CLI exports one design.
 */
class SizeProcess {
  /** Rejects when the process ends before it is closed (a crash, a kill). */
  private readonly ended: Promise<never>

  private constructor(
    private readonly child: ChildProcess,
    what: string,
  ) {
    this.ended = new Promise((_, reject) => {
      child.once('exit', (code) => reject(new Error(`bench: ${what} exited (${code})`)))
    })
    this.ended.catch(() => undefined)
  }

  /** Starts the process; resolves once it has built its input and warmed up. */
  static async start(operation: string, size: number): Promise<SizeProcess> {
    const child = fork(
      fileURLToPath(new URL('./core-child.ts', import.meta.url)),
      [operation, String(size)],
      { execArgv: ['--import', 'tsx'] },
    )
    const started = new SizeProcess(child, `${operation} at ${size}`)
    const ready = new Promise<void>((resolve, reject) => {
      child.once('error', reject)
      child.once('message', () => resolve())
    })
    await Promise.race([ready, started.ended])
    return started
  }

  /** Wall times of at least `runs` runs adding up to at least `ms`. */
  time(request: TimeRequest): Promise<number[]> {
    const reply = new Promise<number[]>((resolve, reject) => {
      this.child.once('message', (message) => resolve((message as { samples: number[] }).samples))
      this.child.send(request, (error) => {
        if (error) reject(error)
      })
    })
    return Promise.race([reply, this.ended])
  }

  close(): void {
    this.child.removeAllListeners('exit')
    if (this.child.connected) this.child.disconnect()
  }
}

/** Median ms of an operation at `size`, timed alone in its own process. */
async function timeAlone(operation: string, size: number): Promise<number> {
  const child = await SizeProcess.start(operation, size)
  try {
    return median(await child.time({ runs: minRuns(size), ms: MIN_MS }))
  } finally {
    child.close()
  }
}

/**
 * Median ms at each size of `sizes`, their processes taking turns (ABBA…) so that a slower
 * stretch of the machine weighs on every size alike.
 */
async function timeInTurns(operation: string, sizes: readonly number[]): Promise<number[]> {
  const processes: SizeProcess[] = []
  try {
    for (const size of sizes) processes.push(await SizeProcess.start(operation, size))
    const samples: number[][] = sizes.map(() => [])
    for (let turn = 0; turn < TURNS; turn++) {
      const order = sizes.map((_, i) => i)
      if (turn % 2) order.reverse()
      for (const i of order) {
        const size = sizes[i]!
        const request = { runs: Math.ceil(minRuns(size) / TURNS), ms: MIN_MS / TURNS }
        samples[i]!.push(...(await processes[i]!.time(request)))
      }
    }
    return samples.map(median)
  } finally {
    for (const p of processes) p.close()
  }
}

/** One row per operation and size, plus a growth row per operation (those whose name has `only`). */
export async function benchCore(only = ''): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  for (const op of OPERATIONS.filter((o) => o.name.includes(only))) {
    const [ms1000, ms10000] = await timeInTurns(op.name, [1_000, 10_000])
    const ms: Record<number, number> = {
      100: await timeAlone(op.name, 100),
      1_000: ms1000!,
      10_000: ms10000!,
    }
    for (const size of SIZES) {
      const budget = size === 1_000 ? (op.budget1000 ?? null) : null
      rows.push({
        name: `${op.name}, ${size.toLocaleString('en')} services`,
        value: Math.round(ms[size]! * 10) / 10,
        unit: 'ms',
        budget,
        met: budget === null || ms[size]! <= budget,
      })
    }
    const growth = ms[10_000]! / ms[1_000]!
    const growthBudget = op.growthBudget === undefined ? 12 : op.growthBudget
    rows.push({
      name: `${op.name}, growth 1,000 -> 10,000`,
      value: Math.round(growth * 10) / 10,
      unit: 'x',
      budget: growthBudget,
      met: growthBudget === null || growth <= growthBudget,
    })
  }
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCore(process.argv[2])) {
    const budget = r.budget === null ? '' : `budget ${r.budget} ${r.unit}`
    console.log(
      `${r.met ? 'ok  ' : 'MISS'} ${r.name.padEnd(48)} ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} ${budget}`,
    )
  }
}
