/**
 * Time axes for the start and shutdown timelines: a readable duration format and an axis with
 * round ticks (1, 2 or 5 times a power of ten).
 */

/**
 * A duration for people: `80 ms`, `1.5 s`, `30 s`, `2 min 5 s`.
 *
 * @example
 * formatMs(2100) // '2.1 s'
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '∞'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) {
    const s = ms / 1000
    return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`
  }
  const total = Math.round(ms / 1000)
  const min = Math.floor(total / 60)
  const sec = total % 60
  return sec === 0 ? `${min} min` : `${min} min ${sec} s`
}

/**
 * A duration to the millisecond, for sentences that compare two of them (an estimate with its
 * limit), where rounding could make them look equal.
 *
 * @example
 * exactMs(30001) // '30.001 s'
 */
export function exactMs(ms: number): string {
  if (!Number.isFinite(ms)) return '∞'
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`
}

export interface TimeScale {
  /** The end of the axis, a multiple of the tick step, at least the span asked for. */
  maxMs: number
  /** Tick positions from 0 to maxMs. */
  ticks: number[]
  /** Position of `ms` on the axis from 0 to 1 (clamped). */
  at: (ms: number) => number
}

/**
 * An axis covering `spanMs` with about `ticks` round steps.
 *
 * @example
 * timeScale(2110).ticks // [0, 500, 1000, 1500, 2000, 2500]
 */
export function timeScale(spanMs: number, ticks = 5): TimeScale {
  const span = Number.isFinite(spanMs) && spanMs > 0 ? spanMs : 100
  // Of the round steps giving about `ticks` ticks (4 to 2×ticks), the one that ends closest.
  const power = 10 ** Math.floor(Math.log10(span / Math.max(1, ticks)))
  let step = power
  let best = Infinity
  for (const m of [0.5, 1, 2, 5, 10, 20]) {
    const s = m * power
    const n = Math.ceil(span / s - 1e-9)
    if (n < 4 || n > Math.max(4, ticks * 2)) continue
    const waste = n * s - span
    if (waste < best - 1e-9) {
      best = waste
      step = s
    }
  }
  const maxMs = Math.ceil(span / step - 1e-9) * step
  const list: number[] = []
  for (let t = 0; t <= maxMs + step / 2; t += step) list.push(Math.round(t))
  return {
    maxMs,
    ticks: list,
    at: (ms) => (Number.isFinite(ms) ? Math.min(1, Math.max(0, ms / maxMs)) : 1),
  }
}
