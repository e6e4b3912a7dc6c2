/**
 * The first pass of validation: turns untrusted data into a ServiceGraph the other rules can
 * walk safely, reporting every field of the wrong kind. Values the other rules judge (numbers,
 * names, script bodies) are kept as found in `raw`, so their rules report them precisely.
 */
import { defaultProject } from '../service-graph'
import type { PackageManager, ProjectSettings, Service, ServiceGraph, ServiceName } from '../types'
import { GRAPH_VERSION } from '../types'
import type { Raw } from './guards'
import { isEnvVar, isRecord } from './guards'
import type { Findings } from './report'
import { show, showValue } from './report'
import { checkService, wellFormed } from './shape-service'

export interface Shaped {
  graph: ServiceGraph
  /** Each service as given, for rules that judge values. */
  raw: Map<ServiceName, Raw>
  rawProject: Raw
  /** Services dropped because their type is unknown; references to them are not re-reported. */
  malformed: Set<ServiceName>
  /** The well-formed services' names, sorted: the order every rule walks them in. */
  names: ServiceName[]
  /**
   * Every service of the input was well formed, so `graph.services` holds copies of exactly
   * the input's services, in its order (what a resolution depends on).
   */
  faithful: boolean
}

const PACKAGE_MANAGERS: readonly PackageManager[] = ['auto', 'apk', 'apt', 'dnf', 'none']

function checkProject(value: unknown, out: Findings): ProjectSettings {
  const project = defaultProject()
  const bad = (field: string, what: string) =>
    out.add({
      code: 'graph-shape',
      field: `project.${field}`,
      message: `The project's ${field} ${what}.`,
    })
  if (!isRecord(value)) {
    out.add({
      code: 'graph-shape',
      field: 'project',
      message: 'The graph has no project settings object.',
    })
    return project
  }
  for (const key of ['name', 'overlayVersion', 'stageName', 'baseImage', 'repoDir'] as const) {
    if (value[key] === undefined) continue
    if (typeof value[key] === 'string') project[key] = value[key]
    else bad(key, `is ${showValue(value[key])}, not text`)
  }
  if (value.packageManager !== undefined) {
    if (PACKAGE_MANAGERS.includes(value.packageManager as PackageManager)) {
      project.packageManager = value.packageManager as PackageManager
    } else
      bad(
        'packageManager',
        `is ${showValue(value.packageManager)}, not one of ${PACKAGE_MANAGERS.join(', ')}`,
      )
  }
  if (value.dependOnBase !== undefined) {
    if (typeof value.dependOnBase === 'boolean') project.dependOnBase = value.dependOnBase
    else bad('dependOnBase', 'is not true or false')
  }
  if (value.env !== undefined) {
    if (Array.isArray(value.env)) {
      value.env.forEach((v, i) => {
        if (isEnvVar(v)) project.env.push(v)
        else bad(`env.${i}`, 'is not a variable with a text name and value')
      })
    } else bad('env', 'is not a list of variables')
  }
  if (value.s6Env !== undefined) {
    if (isRecord(value.s6Env)) {
      for (const [k, v] of Object.entries(value.s6Env)) {
        if (typeof v === 'string') project.s6Env[k] = v
        else bad(`s6Env.${k}`, `is ${showValue(v)}, not text`)
      }
    } else bad('s6Env', 'is not a map of settings')
  }
  if (value.ports !== undefined) {
    if (
      Array.isArray(value.ports) &&
      value.ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)
    ) {
      project.ports = value.ports as number[]
    } else bad('ports', 'is not a list of port numbers (1 to 65535)')
  }
  const hc = value.healthcheck
  if (hc !== undefined) {
    if (
      isRecord(hc) &&
      Array.isArray(hc.services) &&
      hc.services.every((s) => typeof s === 'string')
    ) {
      project.healthcheck = { ...(hc as unknown as NonNullable<ProjectSettings['healthcheck']>) }
    } else bad('healthcheck', 'is not a health check with a list of service names')
  }
  return project
}

/**
 * Checks the shape of untrusted input. Returns undefined (after reporting `graph-shape`) when
 * there is no services map to work on.
 */
export function checkShape(input: unknown, out: Findings): Shaped | undefined {
  if (!isRecord(input)) {
    out.add({
      code: 'graph-shape',
      message: `This is ${input === null ? 'null' : Array.isArray(input) ? 'a list' : `a ${typeof input}`}, not a service graph.`,
    })
    return undefined
  }
  if (input.version !== GRAPH_VERSION) {
    out.add({
      code: 'graph-shape',
      field: 'version',
      message:
        input.version === undefined
          ? `The graph has no format version; this designer reads version ${GRAPH_VERSION}.`
          : `The graph has format version ${showValue(input.version)}; this designer reads version ${GRAPH_VERSION}.`,
    })
  }
  if (!isRecord(input.services)) {
    out.add({ code: 'graph-shape', field: 'services', message: 'The graph has no services map.' })
    return undefined
  }
  if (input.layout !== undefined && !isRecord(input.layout)) {
    out.add({
      code: 'graph-shape',
      field: 'layout',
      message: "The graph's layout is not a map of positions.",
    })
  }
  const rawProject = isRecord(input.project) ? input.project : {}
  const project = checkProject(input.project, out)
  const services: Record<ServiceName, Service> = {}
  const raw = new Map<ServiceName, Raw>()
  const malformed = new Set<ServiceName>()
  let faithful = true
  for (const name of Object.keys(input.services)) {
    const value = input.services[name]
    if (!isRecord(value)) {
      out.add({
        code: 'service-shape',
        service: name,
        message: `${show(name)} is ${showValue(value)}, not a service.`,
      })
      malformed.add(name)
      continue
    }
    const uniform = wellFormed(value)
    if (!uniform) faithful = false
    const given = uniform ?? value
    const service = uniform ? (uniform as unknown as Service) : checkService(name, value, out)
    if (!service) {
      malformed.add(name)
      continue
    }
    raw.set(name, given)
    // `__proto__` would set the prototype instead of adding a key.
    if (name === '__proto__') {
      Object.defineProperty(services, name, { value: service, enumerable: true, writable: true })
    } else services[name] = service
  }
  return {
    graph: { version: GRAPH_VERSION, project, services, layout: {} },
    raw,
    rawProject,
    malformed,
    // The native sort orders by UTF-16 code units, exactly like compareNames.
    names: [...raw.keys()].sort(),
    faithful: faithful && malformed.size === 0,
  }
}
