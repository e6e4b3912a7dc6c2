/**
 * Reads one untrusted service object into a Service, filling the defaults of `oneshot()`,
 * `longrun()` and `bundle()` for missing fields.
 */
import {
  array,
  boolean,
  fail,
  finiteNumber,
  milliseconds,
  names,
  object,
  oneOf,
  optional,
  string,
  wholeNumber,
} from './parse-shape'
import type { Notes } from './parse-shape'
import { bundle, longrun, oneshot } from './service-graph'
import type { ChildProcess, EnvVar, ExtraFile, Readiness, Script, Service } from './types'

const COMMON = ['type', 'description', 'essential']
const ATOMIC = [
  ...COMMON,
  'dependencies',
  'timeoutUp',
  'timeoutDown',
  'withContenv',
  'estimatedUpMs',
]
const ONESHOT_KEYS = [...ATOMIC, 'up', 'down']
const LONGRUN_KEYS = [
  ...ATOMIC,
  ...['run', 'finish', 'env', 'readiness', 'lockFd', 'timeoutKill', 'timeoutFinish', 'downSignal'],
  ...[
    'maxDeathTally',
    'producerFor',
    'consumerFor',
    'pipelineName',
    'process',
    'children',
    'extraFiles',
  ],
]
const BUNDLE_KEYS = [...COMMON, 'contents']

export function readScript(path: string, value: unknown, notes: Notes): Script {
  const o = object(path, value, ['language', 'body'], notes, 'a script ({ language, body })')
  return {
    language: oneOf(`${path}.language`, o.language, ['sh', 'bash', 'execline'] as const),
    body: string(`${path}.body`, o.body),
  }
}

export function readEnvVar(path: string, value: unknown, notes: Notes): EnvVar {
  const o = object(path, value, ['name', 'value', 'description', 'group', 'secret'], notes)
  const v: EnvVar = {
    name: string(`${path}.name`, o.name),
    value: string(`${path}.value`, o.value ?? ''),
  }
  const description = optional(o, 'description', path, string)
  if (description !== undefined) v.description = description
  const group = optional(o, 'group', path, string)
  if (group !== undefined) v.group = group
  const secret = optional(o, 'secret', path, boolean)
  if (secret !== undefined) v.secret = secret
  return v
}

function readChild(path: string, value: unknown, notes: Notes): ChildProcess {
  const o = object(path, value, ['name', 'count'], notes)
  const child: ChildProcess = { name: string(`${path}.name`, o.name) }
  const count = optional(o, 'count', path, (p, v) =>
    typeof v === 'string' ? v : wholeNumber(p, v, 'a count or the name of an env var'),
  )
  if (count !== undefined) child.count = count
  return child
}

function readExtraFile(path: string, value: unknown, notes: Notes): ExtraFile {
  const o = object(path, value, ['path', 'contents', 'executable'], notes)
  const p = string(`${path}.path`, o.path)
  const parts = p.split('/')
  if (p === '' || p.startsWith('/') || parts.some((s) => s === '..' || s === '.' || s === '')) {
    fail(`${path}.path`, 'a relative path inside the service folder', p)
  }
  const file: ExtraFile = { path: p, contents: string(`${path}.contents`, o.contents) }
  const executable = optional(o, 'executable', path, boolean)
  if (executable !== undefined) file.executable = executable
  return file
}

function readReadiness(path: string, value: unknown, notes: Notes): Readiness {
  const o = object(path, value, ['notificationFd', 'check'], notes)
  const r: Readiness = {
    notificationFd: wholeNumber(
      `${path}.notificationFd`,
      o.notificationFd,
      'a file descriptor number',
    ),
  }
  const check = optional(o, 'check', path, string)
  if (check !== undefined) r.check = check
  return r
}

/** Copies the optional fields that are present, in the order given. */
function assignOptional(
  target: Record<string, unknown>,
  o: Record<string, unknown>,
  path: string,
  fields: [string, (path: string, value: unknown) => unknown][],
): void {
  for (const [key, read] of fields) {
    const v = optional(o, key, path, read)
    if (v !== undefined) target[key] = v
  }
}

const fd = (p: string, v: unknown) => wholeNumber(p, v, 'a file descriptor number')

/** Reads a service; throws ShapeError on a wrong shape. */
export function readServiceValue(path: string, value: unknown, notes: Notes): Service {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'a service object', value)
  const type = oneOf(`${path}.type`, (value as { type?: unknown }).type, [
    'oneshot',
    'longrun',
    'bundle',
  ] as const)
  const keys = type === 'oneshot' ? ONESHOT_KEYS : type === 'longrun' ? LONGRUN_KEYS : BUNDLE_KEYS
  const o = object(path, value, keys, notes)
  const common: Record<string, unknown> = {}
  assignOptional(common, o, path, [
    ['description', string],
    ['essential', boolean],
  ])
  if (type === 'bundle') {
    return bundle({
      ...common,
      ...(o.contents !== undefined ? { contents: names(`${path}.contents`, o.contents) } : {}),
    })
  }
  const atomic: Record<string, unknown> = { ...common }
  if (o.dependencies !== undefined)
    atomic.dependencies = names(`${path}.dependencies`, o.dependencies)
  if (o.withContenv !== undefined)
    atomic.withContenv = boolean(`${path}.withContenv`, o.withContenv)
  assignOptional(atomic, o, path, [
    ['timeoutUp', milliseconds],
    ['timeoutDown', milliseconds],
    ['estimatedUpMs', (p, v) => finiteNumber(p, v, 0)],
  ])
  if (type === 'oneshot') {
    if (o.up !== undefined) atomic.up = readScript(`${path}.up`, o.up, notes)
    assignOptional(atomic, o, path, [['down', (p, v) => readScript(p, v, notes)]])
    return oneshot(atomic)
  }
  if (o.run !== undefined) atomic.run = readScript(`${path}.run`, o.run, notes)
  if (o.env !== undefined)
    atomic.env = array(`${path}.env`, o.env, (p, v) => readEnvVar(p, v, notes))
  if (o.children !== undefined)
    atomic.children = array(`${path}.children`, o.children, (p, v) => readChild(p, v, notes))
  assignOptional(atomic, o, path, [
    ['finish', (p, v) => readScript(p, v, notes)],
    ['readiness', (p, v) => readReadiness(p, v, notes)],
    ['lockFd', fd],
    ['timeoutKill', milliseconds],
    ['timeoutFinish', milliseconds],
    ['downSignal', string],
    ['maxDeathTally', (p, v) => wholeNumber(p, v, 'a whole number (at most 4096)')],
    ['producerFor', string],
    ['consumerFor', names],
    ['pipelineName', string],
    ['process', string],
    ['extraFiles', (p, v) => array(p, v, (q, w) => readExtraFile(q, w, notes))],
  ])
  return longrun(atomic)
}
