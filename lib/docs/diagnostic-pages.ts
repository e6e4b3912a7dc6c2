/**
 * The diagnostics catalogue as pages: one URL per code, and the index grouped by severity.
 */
import type { DiagnosticInfo } from '../graph/diagnostics'
import type { Severity } from '../graph/types'

/** The docs page of a diagnostic code; the designer's problems panel links here. */
export function diagnosticHref(code: string): string {
  return `/docs/diagnostics/${encodeURIComponent(code)}/`
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info']

export const SEVERITY_TITLES: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
}

export interface SeverityGroup {
  severity: Severity
  title: string
  items: DiagnosticInfo[]
}

/** The catalogue grouped by severity (errors first), codes sorted within each group. */
export function groupBySeverity(diagnostics: Record<string, DiagnosticInfo>): SeverityGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    title: SEVERITY_TITLES[severity],
    items: Object.values(diagnostics)
      .filter((d) => d.severity === severity)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  })).filter((g) => g.items.length > 0)
}
