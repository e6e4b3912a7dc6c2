/**
 * Collecting diagnostics: each code's severity (and default fix) comes from the catalogue, so a
 * code always has the same severity; the final list is sorted for stable output.
 */
import { diagnosticInfo } from '../diagnostics'
import type { Diagnostic, Severity } from '../types'

export interface Finding {
  code: string
  service?: string
  field?: string
  file?: string
  message: string
  /** Overrides the catalogue's generic fix with a specific one. */
  fix?: string
  /** See Diagnostic.also. */
  also?: string[]
}

/** An append-only list of diagnostics. */
export class Findings {
  readonly list: Diagnostic[] = []

  add(finding: Finding): void {
    const info = diagnosticInfo(finding.code)
    const d: Diagnostic = {
      code: finding.code,
      severity: info?.severity ?? 'error',
      message: finding.message,
    }
    if (finding.service !== undefined) d.service = finding.service
    if (finding.field !== undefined) d.field = finding.field
    if (finding.file !== undefined) d.file = finding.file
    const fix = finding.fix ?? info?.fix
    if (fix !== undefined) d.fix = fix
    if (finding.also !== undefined && finding.also.length > 0) d.also = finding.also
    this.list.push(d)
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

const cmp = (a: string | undefined, b: string | undefined) => {
  const x = a ?? ''
  const y = b ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

/** Sorts by severity (errors first), service (graph-level first), code, field, then message. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      cmp(a.service, b.service) ||
      cmp(a.code, b.code) ||
      cmp(a.field, b.field) ||
      cmp(a.message, b.message),
  )
}

/** Milliseconds in messages: `1500` -> `1.5 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** A name as messages print it: bare when plain, quoted with escapes when it has odd characters. */
export function show(name: string): string {
  return /^[A-Za-z0-9._-]+$/.test(name) ? name : JSON.stringify(name)
}

/** A value as messages print it (strings quoted, long values cut). */
export function showValue(value: unknown): string {
  let text: string
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value))
  } catch {
    text = typeof value
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}
