/** Type guards for untrusted input, shared by the validation rules. */
import type { EnvVar, Script } from '../types'

/** A service or project object as given, before validation. */
export type Raw = Record<string, unknown>

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a value is a script: a known language and a text body. */
export function isScript(v: unknown): v is Script {
  return (
    isRecord(v) &&
    (v.language === 'sh' || v.language === 'bash' || v.language === 'execline') &&
    typeof v.body === 'string'
  )
}

/** Whether a value is an environment variable with a text name and value. */
export function isEnvVar(v: unknown): v is EnvVar {
  return isRecord(v) && typeof v.name === 'string' && typeof v.value === 'string'
}
