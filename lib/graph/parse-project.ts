/** Reads untrusted project settings, filling `defaultProject()` for missing fields. */
import { readEnvVar } from './parse-service'
import {
  array,
  boolean,
  fail,
  finiteNumber,
  names,
  object,
  oneOf,
  optional,
  record,
  string,
  wholeNumber,
} from './parse-shape'
import type { Notes } from './parse-shape'
import { defaultProject } from './service-graph'
import type { HealthCheck, PackageManager, ProjectSettings } from './types'

const PROJECT_KEYS = [
  'name',
  'overlayVersion',
  'stageName',
  'baseImage',
  'packageManager',
  'repoDir',
  'env',
  's6Env',
  'dependOnBase',
  'healthcheck',
  'ports',
]
const PACKAGE_MANAGERS: readonly PackageManager[] = ['auto', 'apk', 'apt', 'dnf', 'none']

function readHealthcheck(path: string, value: unknown, notes: Notes): HealthCheck {
  const o = object(
    path,
    value,
    ['services', 'url', 'intervalS', 'timeoutS', 'startPeriodS', 'retries'],
    notes,
  )
  const num = (key: string, fallback: number) =>
    o[key] === undefined ? fallback : finiteNumber(`${path}.${key}`, o[key], 0)
  const hc: HealthCheck = {
    services: o.services === undefined ? [] : names(`${path}.services`, o.services),
    intervalS: num('intervalS', 30),
    timeoutS: num('timeoutS', 10),
    startPeriodS: num('startPeriodS', 0),
    retries: o.retries === undefined ? 3 : wholeNumber(`${path}.retries`, o.retries),
  }
  const url = optional(o, 'url', path, string)
  if (url !== undefined) hc.url = url
  return {
    services: hc.services,
    ...(hc.url !== undefined ? { url: hc.url } : {}),
    intervalS: hc.intervalS,
    timeoutS: hc.timeoutS,
    startPeriodS: hc.startPeriodS,
    retries: hc.retries,
  }
}

function port(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    fail(path, 'a port number (1 to 65535)', value)
  }
  return value
}

/** Reads `project`; absent means all defaults. */
export function readProject(path: string, value: unknown, notes: Notes): ProjectSettings {
  if (value === undefined || value === null) return defaultProject()
  const o = object(path, value, PROJECT_KEYS, notes)
  const out: Partial<ProjectSettings> = {}
  const str = (key: 'name' | 'stageName' | 'baseImage' | 'repoDir') => {
    if (o[key] !== undefined) out[key] = string(`${path}.${key}`, o[key])
  }
  str('name')
  str('stageName')
  str('baseImage')
  str('repoDir')
  if (o.overlayVersion !== undefined) {
    // Kept as given: validation reports a version it does not support (overlay-version), so
    // the user picks the release, rather than the design changing release unseen.
    out.overlayVersion = string(`${path}.overlayVersion`, o.overlayVersion)
  }
  if (o.packageManager !== undefined) {
    out.packageManager = oneOf(`${path}.packageManager`, o.packageManager, PACKAGE_MANAGERS)
  }
  if (o.env !== undefined) out.env = array(`${path}.env`, o.env, (p, v) => readEnvVar(p, v, notes))
  if (o.s6Env !== undefined) {
    const s6Env: Record<string, string> = {}
    for (const [k, v] of record(`${path}.s6Env`, o.s6Env, 'an object of S6_* settings')) {
      if (k === '__proto__') fail(`${path}.s6Env`, 'setting names', k)
      s6Env[k] = string(`${path}.s6Env.${k}`, v)
    }
    out.s6Env = s6Env
  }
  if (o.dependOnBase !== undefined)
    out.dependOnBase = boolean(`${path}.dependOnBase`, o.dependOnBase)
  const healthcheck = optional(o, 'healthcheck', path, (p, v) => readHealthcheck(p, v, notes))
  if (healthcheck !== undefined) out.healthcheck = healthcheck
  if (o.ports !== undefined) out.ports = array(`${path}.ports`, o.ports, port)
  const project = defaultProject(out)
  // Keep the documented key order whatever order the overrides came in.
  const ordered: Record<string, unknown> = {}
  for (const key of PROJECT_KEYS) {
    const v = (project as unknown as Record<string, unknown>)[key]
    if (v !== undefined) ordered[key] = v
  }
  return ordered as unknown as ProjectSettings
}
