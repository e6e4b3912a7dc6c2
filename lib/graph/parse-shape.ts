/**
 * Field-by-field readers for untrusted graph data. Each takes a path (for the message) and a
 * value, returns the typed value, and throws ShapeError with one clear sentence otherwise.
 * Unknown keys are dropped with a note.
 */

/** A wrong shape: the message names the field and what was expected. */
export class ShapeError extends Error {}

const MAX_SHOWN = 40

/** A short description of a value for messages: `"5s"`, `12`, `an array`, `nothing`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') {
    const s = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value
    return JSON.stringify(s)
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value === 'object' ? 'object' : typeof value}`.replace('a object', 'an object')
}

export function fail(path: string, expected: string, got: unknown): never {
  throw new ShapeError(`${path}: expected ${expected}, got ${describe(got)}`)
}

/** Collects notes (dropped fields and the like) while reading. */
export class Notes {
  readonly list: string[] = []
  add(note: string): void {
    if (this.list.length < 50) this.list.push(note)
    else if (this.list.length === 50) this.list.push('… more notes left out')
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an object, keeping only `known` keys (others are noted and dropped). */
export function object(
  path: string,
  value: unknown,
  known: readonly string[],
  notes: Notes,
  what = 'an object',
): Record<string, unknown> {
  if (!isRecord(value)) fail(path, what, value)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (known.includes(key)) out[key] = value[key]
    else notes.add(`${path ? `${path}.` : ''}${key}: unknown field, dropped`)
  }
  return out
}

/** Reads an object used as a map (service names, S6_* settings): every own key is kept. */
export function record(path: string, value: unknown, what: string): [string, unknown][] {
  if (!isRecord(value)) fail(path, what, value)
  return Object.keys(value).map((k) => [k, value[k]])
}

export function string(path: string, value: unknown): string {
  if (typeof value !== 'string') fail(path, 'a string', value)
  return value
}

export function boolean(path: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false', value)
  return value
}

export function array<T>(path: string, value: unknown, item: (path: string, v: unknown) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'a list', value)
  const out: T[] = []
  for (let i = 0; i < value.length; i++) out.push(item(`${path}.${i}`, value[i]))
  return out
}

export function names(path: string, value: unknown): string[] {
  return array(path, value, (p, v) => {
    if (typeof v !== 'string') fail(p, 'a service name', v)
    return v
  })
}

const UINT32_MAX = 4294967295

/** Milliseconds as s6-rc stores them: a whole number from 0 to 2^32 - 1. */
export function milliseconds(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    fail(path, 'a number of milliseconds', value)
  }
  return value
}

export function wholeNumber(path: string, value: unknown, what = 'a whole number'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    fail(path, what, value)
  }
  return value
}

export function finiteNumber(path: string, value: unknown, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    fail(path, min === 0 ? 'a number from 0' : 'a number', value)
  }
  return value
}

export function oneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    fail(
      path,
      options
        .map((o) => JSON.stringify(o))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1'),
      value,
    )
  }
  return value as T
}

/**
 * Reads an optional field: absent or null gives `fallback` (undefined when there is none);
 * anything else must pass `read`.
 */
export function optional<T>(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  read: (path: string, value: unknown) => T,
): T | undefined {
  const value = obj[key]
  if (value === undefined || value === null) return undefined
  return read(`${path}.${key}`, value)
}
