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

/** Median wall time in ms of `runs` calls, after a warm-up that lets the JIT settle (10 runs and 400 ms). */
export async function medianTime(fn: () => unknown, runs: number): Promise<number> {
  const warmUntil = performance.now() + 400
  for (let i = 0; i < 10 || performance.now() < warmUntil; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

/** A row whose value must stay at or under its budget, rounded to 0.01. */
export function budgetRow(name: string, value: number, unit: string, budget: number): BenchRow {
  return { name, value: Math.round(value * 100) / 100, unit, budget, met: value <= budget }
}
