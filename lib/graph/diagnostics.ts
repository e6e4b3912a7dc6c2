// CONTRACT STUB: the "semantics" helper fills the catalogue.
import type { Severity } from './types'

/** What the docs and the problems panel know about one diagnostic code. */
export interface DiagnosticInfo {
  code: string
  severity: Severity
  /** Short title, sentence case, for example "Dependency cycle". */
  title: string
  /** Why s6-rc-compile or s6-overlay cares, in two or three sentences. */
  explanation: string
  /** How to fix it in the designer. */
  fix: string
  /** Whether the real s6-rc-compile 0.5.4.1 refuses such a tree. */
  rejectedByCompiler: boolean
}

/** Every code validate() and readTree() can emit, keyed by code. */
export const DIAGNOSTICS: Record<string, DiagnosticInfo> = {}
