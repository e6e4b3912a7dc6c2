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
