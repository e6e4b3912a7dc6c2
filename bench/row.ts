/** One measured figure of `npm run bench`. */
export interface BenchRow {
  name: string
  value: number
  unit: string
  /** The target, or null when none applies. Scores and fps must reach it; the rest stay under. */
  budget: number | null
  /** Whether the value meets the budget (true when there is none). */
  met: boolean
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return NaN
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Prepares one timed call: runs the untimed part (a new input…) and returns the call to time. */
export type Prepare = () => () => unknown

/** Runs `prepare`'s calls until the JIT has settled: at least 10 runs and 400 ms. */
export async function warmUp(prepare: Prepare): Promise<void> {
  const warmUntil = performance.now() + 400
  for (let i = 0; i < 10 || performance.now() < warmUntil; i++) await prepare()()
}

/**
 * Wall times in ms of at least `runs` calls, and more until they add up to `minMs`. Each run
 * is prepared outside the timed part: `prepare` returns the call to time, for example on a new
 * graph object (as each edit makes one, so that nothing kept per graph is reused from the run
 * before).
 */
export async function timedRuns(prepare: Prepare, runs: number, minMs = 0): Promise<number[]> {
  const samples: number[] = []
  let total = 0
  while (samples.length < runs || total < minMs) {
    const run = prepare()
    const started = performance.now()
    await run()
    const ms = performance.now() - started
    samples.push(ms)
    total += ms
  }
  return samples
}

/** A row whose value must stay at or under its budget, rounded to 0.01. */
export function budgetRow(name: string, value: number, unit: string, budget: number): BenchRow {
  return { name, value: Math.round(value * 100) / 100, unit, budget, met: value <= budget }
}
