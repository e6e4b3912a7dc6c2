/**
 * The shape of one service: a fast check for the usual well-formed service (used as it is),
 * and otherwise a sanitized copy with every field of the wrong kind reported.
 */
import type { ChildProcess, Script, Service, ServiceName } from '../types'
import type { Raw } from './guards'
import { isEnvVar, isRecord, isScript } from './guards'
import type { Findings } from './report'
import { show, showValue } from './report'

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

const isReadiness = (r: unknown) =>
  isRecord(r) && (r.check === undefined || typeof r.check === 'string')

/** Whether one present field of a service of this type has the right kind (others are ignored). */
function fieldOk(type: 'oneshot' | 'longrun' | 'bundle', key: string, v: unknown): boolean {
  switch (key) {
    case 'description':
    case 'producerFor':
    case 'pipelineName':
    case 'process':
    case 'downSignal':
      return typeof v === 'string'
    case 'essential':
      return typeof v === 'boolean'
    case 'contents':
      return type !== 'bundle' || isNames(v)
  }
  if (type === 'bundle') return true
  switch (key) {
    case 'dependencies':
      return isNames(v)
    case 'withContenv':
      return typeof v === 'boolean'
    case 'timeoutUp':
    case 'timeoutDown':
    case 'estimatedUpMs':
    case 'timeoutKill':
    case 'timeoutFinish':
    case 'lockFd':
    case 'maxDeathTally':
      return typeof v === 'number'
  }
  if (type === 'oneshot') return (key !== 'up' && key !== 'down') || isScript(v)
  switch (key) {
    case 'run':
    case 'finish':
      return isScript(v)
    case 'consumerFor':
      return isNames(v)
    case 'env':
      return every(v, isEnvVar)
    case 'children':
      return every(v, isChild)
    case 'readiness':
      return isReadiness(v)
    case 'extraFiles':
      return every(v, isExtraFile)
  }
  return true
}

/** A service with every field any service type has, all undefined: see `wellFormed`. */
function emptyUniform(): Raw {
  return {
    type: undefined,
    description: undefined,
    essential: undefined,
    contents: undefined,
    dependencies: undefined,
    timeoutUp: undefined,
    timeoutDown: undefined,
    withContenv: undefined,
    estimatedUpMs: undefined,
    up: undefined,
    down: undefined,
    run: undefined,
    finish: undefined,
    env: undefined,
    readiness: undefined,
    lockFd: undefined,
    timeoutKill: undefined,
    timeoutFinish: undefined,
    downSignal: undefined,
    maxDeathTally: undefined,
    producerFor: undefined,
    consumerFor: undefined,
    pipelineName: undefined,
    process: undefined,
    children: undefined,
    extraFiles: undefined,
  }
}

/** Every field a service of any type may have. */
export const SERVICE_FIELDS: readonly string[] = Object.keys(emptyUniform())

/**
 * A well-formed service (most are) as a copy the other rules can use as it is, or undefined
 * when some field has the wrong kind (`checkService` then says which). Two things make it fast
 * on thousands of services, measured: it walks the fields the service has instead of looking
 * up every field it might have, and the copy has every field of every type, absent ones
 * undefined, in one order. On objects of the many shapes real services have, each read of a
 * missing field takes V8's slow path (about 0.1 µs), and the rules read many; on one shape
 * those reads are cheap. One walk checks and copies, so each service is read from memory once.
 */
export function wellFormed(raw: Raw): Raw | undefined {
  const type = raw.type
  if (type !== 'oneshot' && type !== 'longrun' && type !== 'bundle') return undefined
  const u = emptyUniform()
  for (const key in raw) {
    const v = raw[key]
    if (v === undefined) continue
    if (!fieldOk(type, key, v)) return undefined
    if (Object.hasOwn(u, key)) u[key] = v
  }
  if (type === 'bundle') return isNames(u.contents) ? u : undefined
  return isNames(u.dependencies) && isScript(type === 'oneshot' ? u.up : u.run) ? u : undefined
}

/** Reports a malformed service's wrong fields and returns a usable copy (undefined: bad type). */
export function checkService(name: ServiceName, raw: Raw, out: Findings): Service | undefined {
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
