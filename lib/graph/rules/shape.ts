/**
 * The first pass of validation: turns untrusted data into a ServiceGraph the other rules can
 * walk safely, reporting every field of the wrong kind. Values the other rules judge (numbers,
 * names, script bodies) are kept as found in `raw`, so their rules report them precisely.
 */
import { defaultProject } from '../service-graph'
import type {
  ChildProcess,
  EnvVar,
  PackageManager,
  ProjectSettings,
  Script,
  Service,
  ServiceGraph,
  ServiceName,
} from '../types'
import { GRAPH_VERSION } from '../types'
import type { Findings } from './report'
import { show, showValue } from './report'

export type Raw = Record<string, unknown>

export interface Shaped {
  graph: ServiceGraph
  /** Each service as given, for rules that judge values. */
  raw: Map<ServiceName, Raw>
  rawProject: Raw
  /** Services dropped because their type is unknown; references to them are not re-reported. */
  malformed: Set<ServiceName>
  /** The well-formed services' names, sorted: the order every rule walks them in. */
  names: ServiceName[]
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isScript = (v: unknown): v is Script =>
  isRecord(v) && (v.language === 'sh' || v.language === 'execline') && typeof v.body === 'string'

const isEnvVar = (v: unknown): v is EnvVar =>
  isRecord(v) && typeof v.name === 'string' && typeof v.value === 'string'

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

function names(raw: Raw, field: string, service: string, out: Findings): ServiceName[] {
  const value = raw[field]
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    out.add({
      code: 'service-shape',
      service,
      field,
      message: `${show(service)}'s ${field} is not a list of names.`,
    })
    return []
  }
  const list: ServiceName[] = []
  value.forEach((v, i) => {
    if (typeof v === 'string') list.push(v)
    else
      out.add({
        code: 'service-shape',
        service,
        field: `${field}.${i}`,
        message: `${show(service)}'s ${field} holds ${showValue(v)}, which is not a name.`,
      })
  })
  return list
}

const TEXT_FIELDS = ['description', 'producerFor', 'pipelineName', 'process', 'downSignal'] as const
const FILE_OF: Record<string, string> = { up: 'up', down: 'down', run: 'run', finish: 'finish' }

const NUMBER_FIELDS = [
  'timeoutUp',
  'timeoutDown',
  'estimatedUpMs',
  'timeoutKill',
  'timeoutFinish',
  'lockFd',
  'maxDeathTally',
] as const

function isNames(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (const n of v) if (typeof n !== 'string') return false
  return true
}

function isChild(c: unknown): boolean {
  return (
    isRecord(c) &&
    typeof c.name === 'string' &&
    (c.count === undefined || typeof c.count === 'number' || typeof c.count === 'string')
  )
}

function every(v: unknown, test: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false
  for (const item of v) if (!test(item)) return false
  return true
}

const isExtraFile = (f: unknown) =>
  isRecord(f) && typeof f.path === 'string' && typeof f.contents === 'string'

/**
 * Whether a service is already well-formed, so it can be used as it is: most services are,
 * and copying ten thousand of them would dominate validation time.
 */
function isWellFormed(raw: Raw): boolean {
  const type = raw.type
  if (type !== 'oneshot' && type !== 'longrun' && type !== 'bundle') return false
  for (const key of TEXT_FIELDS) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string') return false
  }
  if (raw.essential !== undefined && typeof raw.essential !== 'boolean') return false
  if (type === 'bundle') return isNames(raw.contents)
  if (!isNames(raw.dependencies)) return false
  if (raw.withContenv !== undefined && typeof raw.withContenv !== 'boolean') return false
  for (const key of NUMBER_FIELDS) {
    if (raw[key] !== undefined && typeof raw[key] !== 'number') return false
  }
  if (type === 'oneshot') return isScript(raw.up) && (raw.down === undefined || isScript(raw.down))
  const readiness = raw.readiness
  return (
    isScript(raw.run) &&
    (raw.finish === undefined || isScript(raw.finish)) &&
    (raw.consumerFor === undefined || isNames(raw.consumerFor)) &&
    (raw.env === undefined || every(raw.env, isEnvVar)) &&
    (raw.children === undefined || every(raw.children, isChild)) &&
    (readiness === undefined ||
      (isRecord(readiness) &&
        (readiness.check === undefined || typeof readiness.check === 'string'))) &&
    (raw.extraFiles === undefined || every(raw.extraFiles, isExtraFile))
  )
}

function checkService(name: ServiceName, raw: Raw, out: Findings): Service | undefined {
  const fail = (field: string, message: string) =>
    out.add({ code: 'service-shape', service: name, field, message })
  const type = raw.type
  if (type !== 'oneshot' && type !== 'longrun' && type !== 'bundle') {
    fail(
      'type',
      `${show(name)} has type ${showValue(type)}; it must be oneshot, longrun or bundle.`,
    )
    return undefined
  }
  for (const key of TEXT_FIELDS) {
    if (raw[key] !== undefined && typeof raw[key] !== 'string')
      fail(key, `${show(name)}'s ${key} is not text.`)
  }
  if (raw.essential !== undefined && typeof raw.essential !== 'boolean') {
    fail('essential', `${show(name)}'s essential flag is not true or false.`)
  }
  const description = typeof raw.description === 'string' ? { description: raw.description } : {}
  const essential = raw.essential === true ? { essential: true } : {}
  if (type === 'bundle')
    return { type, contents: names(raw, 'contents', name, out), ...description, ...essential }

  const script = (key: 'up' | 'down' | 'run' | 'finish', required: boolean): Script | undefined => {
    const value = raw[key]
    if (isScript(value)) return value
    if (value === undefined) {
      if (required) {
        out.add({
          code: 'missing-script',
          service: name,
          field: key,
          file: FILE_OF[key],
          message: `${show(name)} has no ${key} script; a ${type} cannot be compiled without one.`,
        })
      }
    } else
      fail(
        key,
        `${show(name)}'s ${key} is not a script with a language (sh or execline) and a body.`,
      )
    return required ? { language: 'sh', body: '' } : undefined
  }
  if (raw.withContenv !== undefined && typeof raw.withContenv !== 'boolean') {
    fail('withContenv', `${show(name)}'s withContenv is not true or false.`)
  }
  const numbers: Record<string, number> = {}
  for (const key of NUMBER_FIELDS) {
    if (typeof raw[key] === 'number') numbers[key] = raw[key]
  }
  const common = {
    dependencies: names(raw, 'dependencies', name, out),
    withContenv: raw.withContenv !== false,
    ...description,
    ...essential,
    ...numbers,
  }
  if (type === 'oneshot') {
    const down = script('down', false)
    return { type, ...common, up: script('up', true)!, ...(down ? { down } : {}) }
  }
  const longrun: Service = {
    type,
    ...common,
    run: script('run', true)!,
    env: [],
    children: [],
  }
  const finish = script('finish', false)
  if (finish) longrun.finish = finish
  for (const key of TEXT_FIELDS) {
    if (key !== 'description' && typeof raw[key] === 'string') longrun[key] = raw[key] as string
  }
  const consumerFor = names(raw, 'consumerFor', name, out)
  if (raw.consumerFor !== undefined) longrun.consumerFor = consumerFor
  if (raw.env !== undefined && !Array.isArray(raw.env))
    fail('env', `${show(name)}'s env is not a list of variables.`)
  if (Array.isArray(raw.env)) {
    raw.env.forEach((v, i) => {
      if (isEnvVar(v)) longrun.env.push(v)
      else fail(`env.${i}`, `${show(name)}'s variable ${i + 1} has no text name and value.`)
    })
  }
  if (raw.children !== undefined && !Array.isArray(raw.children)) {
    fail('children', `${show(name)}'s children is not a list of processes.`)
  }
  if (Array.isArray(raw.children)) {
    raw.children.forEach((c, i) => {
      const ok =
        isRecord(c) &&
        typeof c.name === 'string' &&
        (c.count === undefined || typeof c.count === 'number' || typeof c.count === 'string')
      if (ok) longrun.children.push(c as unknown as ChildProcess)
      else fail(`children.${i}`, `${show(name)}'s child process ${i + 1} has no text name.`)
    })
  }
  if (raw.readiness !== undefined) {
    if (
      isRecord(raw.readiness) &&
      (raw.readiness.check === undefined || typeof raw.readiness.check === 'string')
    ) {
      longrun.readiness = raw.readiness as unknown as NonNullable<typeof longrun.readiness>
    } else
      fail(
        'readiness',
        `${show(name)}'s readiness is not a notification fd with an optional check command.`,
      )
  }
  if (raw.extraFiles !== undefined) {
    const ok =
      Array.isArray(raw.extraFiles) &&
      raw.extraFiles.every(
        (f) => isRecord(f) && typeof f.path === 'string' && typeof f.contents === 'string',
      )
    if (ok) longrun.extraFiles = raw.extraFiles as NonNullable<typeof longrun.extraFiles>
    else
      fail('extraFiles', `${show(name)}'s extra files are not a list of paths with text contents.`)
  }
  return longrun
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
    const service = isWellFormed(value)
      ? (value as unknown as Service)
      : checkService(name, value, out)
    if (!service) {
      malformed.add(name)
      continue
    }
    raw.set(name, value)
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
  }
}
