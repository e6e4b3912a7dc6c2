/**
 * Per-field rules (FORMAT §1, §6): timeouts and descriptors as s6-rc-compile parses them,
 * carriage returns anywhere the export writes, environment variables, and the down signal.
 * They read the raw values, so "abc" or -1 is reported as given.
 */
import type { Findings } from './report'
import { show, showValue } from './report'
import type { Raw, Shaped } from './shape'
import { isRecord } from './shape'

const UINT32_MAX = 0xffffffff

const TIMEOUTS: readonly [string, string, boolean][] = [
  ['timeoutUp', 'timeout-up', false],
  ['timeoutDown', 'timeout-down', false],
  ['timeoutKill', 'timeout-kill', true],
  ['timeoutFinish', 'timeout-finish', true],
]

/** Why a value is not a uint32, or undefined when it is one. */
function uintProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || Number.isNaN(value))
    return `is ${showValue(value)}, not a number`
  if (value < 0) return `is negative (${value})`
  if (!Number.isInteger(value)) return `is ${value}, not a whole number`
  if (value > UINT32_MAX) return `is ${value}, above the largest value s6 reads (${UINT32_MAX})`
  return undefined
}

function reportLowFd(
  out: Findings,
  name: string,
  value: number,
  field: string,
  file: string,
): void {
  const what = field === 'lockFd' ? 'lock fd' : 'notification fd'
  out.add({
    code: 'fd-low',
    service: name,
    field,
    file,
    message: `${show(name)}'s ${what} is ${value}, one of stdin, stdout and stderr.`,
  })
}

function checkNumbers(name: string, raw: Raw, longrun: boolean, out: Findings): void {
  for (const [field, file, longrunOnly] of TIMEOUTS) {
    const v = raw[field]
    if (v === undefined || v === null || (longrunOnly && !longrun)) continue
    const problem = uintProblem(v)
    if (problem)
      out.add({
        code: 'timeout-invalid',
        service: name,
        field,
        file,
        message: `${show(name)}'s ${file} ${problem}.`,
      })
  }
  const estimate = raw.estimatedUpMs
  if (estimate !== undefined && estimate !== null) {
    if (typeof estimate !== 'number' || !Number.isFinite(estimate) || estimate < 0) {
      out.add({
        code: 'estimate-invalid',
        service: name,
        field: 'estimatedUpMs',
        message: `${show(name)}'s estimated start time is ${showValue(estimate)}, not a number of milliseconds.`,
      })
    }
  }
  if (!longrun) return
  const tally = raw.maxDeathTally
  if (tally !== undefined && tally !== null) {
    const problem =
      uintProblem(tally) ??
      (typeof tally === 'number' && tally > 4096 ? `is ${tally}, above 4096` : undefined)
    if (problem) {
      out.add({
        code: 'max-death-tally-invalid',
        service: name,
        field: 'maxDeathTally',
        file: 'max-death-tally',
        message: `${show(name)}'s max-death-tally ${problem}.`,
      })
    }
  }
  const readiness = isRecord(raw.readiness) ? raw.readiness : undefined
  const notification = readiness ? readiness.notificationFd : undefined
  let validNotification: number | undefined
  if (readiness) {
    const problem = notification === undefined ? 'is missing' : uintProblem(notification)
    if (problem) {
      out.add({
        code: 'fd-invalid',
        service: name,
        field: 'readiness.notificationFd',
        file: 'notification-fd',
        message: `${show(name)} signals readiness, but its notification fd ${problem}.`,
      })
    } else validNotification = notification as number
  }
  let validLock: number | undefined
  if (raw.lockFd !== undefined && raw.lockFd !== null) {
    const problem = uintProblem(raw.lockFd)
    if (problem) {
      out.add({
        code: 'fd-invalid',
        service: name,
        field: 'lockFd',
        file: 'lock-fd',
        message: `${show(name)}'s lock fd ${problem}.`,
      })
    } else validLock = raw.lockFd as number
  }
  if (validNotification !== undefined && validNotification < 3) {
    reportLowFd(out, name, validNotification, 'readiness.notificationFd', 'notification-fd')
  }
  if (validLock !== undefined && validLock < 3)
    reportLowFd(out, name, validLock, 'lockFd', 'lock-fd')
  if (validLock !== undefined && validLock === validNotification) {
    out.add({
      code: 'fd-conflict',
      service: name,
      field: 'lockFd',
      file: 'lock-fd',
      message: `${show(name)}'s lock fd and notification fd are both ${validLock}; s6-rc-compile refuses that.`,
    })
  }
}

/** Signal names s6 knows (skalibs `sig_number`), without the SIG prefix. */
const SIGNALS = new Set(
  'HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS'.split(
    ' ',
  ),
)

/** Whether s6-supervise understands a `down-signal` value (name ± SIG, any case, or number). */
export function isKnownSignal(value: string): boolean {
  const v = value.trim().toUpperCase()
  if (/^\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 64
  return SIGNALS.has(v.startsWith('SIG') ? v.slice(3) : v)
}

function scriptFile(path: string[]): string | undefined {
  const [top, second, third] = path
  if (top === 'up' || top === 'down' || top === 'run' || top === 'finish') return top
  if (top === 'readiness' && second === 'check') return 'data/check'
  if (top === 'env' && second !== undefined && third !== undefined) return 'env'
  return undefined
}

const NAME_FIELDS = new Set([
  'dependencies',
  'contents',
  'consumerFor',
  'producerFor',
  'pipelineName',
])

interface Walk {
  path: string[]
  depth: number
  budget: number
  report: (path: string[]) => void
}

function walkStrings(value: unknown, w: Walk): void {
  if (w.budget-- <= 0) return
  if (typeof value === 'string') {
    if (value.includes('\r')) w.report([...w.path])
    return
  }
  if (w.path.length >= w.depth) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      w.path.push(String(i))
      walkStrings(value[i], w)
      w.path.pop()
    }
  } else if (isRecord(value)) {
    const top = w.path.length === w.depth - 6
    for (const key in value) {
      if (!Object.hasOwn(value, key) || (top && NAME_FIELDS.has(key))) continue
      w.path.push(key)
      walkStrings(value[key], w)
      w.path.pop()
    }
  }
}

/**
 * Reports every text field holding a carriage return (names have their own rule). Walks
 * depth-first with one shared path, so a clean service allocates almost nothing.
 */
function checkCarriageReturns(raw: Raw, prefix: string[], report: (path: string[]) => void): void {
  walkStrings(raw, { path: [...prefix], depth: prefix.length + 6, budget: 10_000, report })
}

const TEXT_KEYS = ['description', 'process', 'downSignal'] as const
const SCRIPT_KEYS = ['up', 'down', 'run', 'finish'] as const
const LIST_KEYS: readonly [string, readonly string[]][] = [
  ['env', ['name', 'value', 'description', 'group']],
  ['children', ['name', 'count']],
  ['extraFiles', ['path', 'contents']],
]

const hasCr = (value: unknown) => typeof value === 'string' && value.includes('\r')

/**
 * Paths of the text fields of a service that the export writes and that hold a carriage
 * return (names have their own rule). Looks at the known fields only, with no closures or
 * allocations for a clean service: this runs for every service on every edit.
 */
function carriageReturnPaths(raw: Raw): string[][] | undefined {
  let found: string[][] | undefined
  for (const key of TEXT_KEYS) if (hasCr(raw[key])) (found ??= []).push([key])
  for (const key of SCRIPT_KEYS) {
    const script = raw[key]
    if (isRecord(script) && hasCr(script.body)) (found ??= []).push([key, 'body'])
  }
  if (isRecord(raw.readiness) && hasCr(raw.readiness.check))
    (found ??= []).push(['readiness', 'check'])
  for (const [field, keys] of LIST_KEYS) {
    const list = raw[field]
    if (!Array.isArray(list)) continue
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (!isRecord(item)) continue
      for (const key of keys) if (hasCr(item[key])) (found ??= []).push([field, String(i), key])
    }
  }
  return found
}

function checkEnv(
  list: unknown,
  owner: string | undefined,
  fieldPrefix: string,
  out: Findings,
): void {
  if (!Array.isArray(list) || list.length === 0) return
  const who = owner === undefined ? 'The container' : show(owner)
  const firstIndex = new Map<string, number>()
  list.forEach((v, i) => {
    if (!isRecord(v) || typeof v.name !== 'string') return
    const name = v.name
    const at = {
      service: owner,
      field: `${fieldPrefix}.${i}.name`,
      file: owner === undefined ? 'Dockerfile' : `env/${name}`,
    }
    let bad: string | undefined
    if (name === '') bad = 'has a variable with an empty name'
    else if (name.includes('=')) bad = `has a variable named ${show(name)}, with "=" in it`
    else if (name.includes('/')) bad = `has a variable named ${show(name)}, with "/" in it`
    else if (name.includes('\0')) bad = `has a variable named ${show(name)}, with a NUL byte in it`
    else if (name.startsWith('.'))
      bad = `has a variable named ${show(name)}, starting with a dot, which s6-envdir skips`
    if (bad) out.add({ code: 'env-name-invalid', ...at, message: `${who} ${bad}.` })
    else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      out.add({
        code: 'env-name-unusual',
        ...at,
        message: `${who} has a variable named ${show(name)}, which a shell cannot read.`,
      })
    }
    const first = firstIndex.get(name)
    if (first !== undefined) {
      out.add({
        code: 'env-duplicate',
        ...at,
        message: `${who} defines ${show(name)} twice (variables ${first + 1} and ${i + 1}).`,
      })
    } else firstIndex.set(name, i)
    const value = typeof v.value === 'string' ? v.value : ''
    const valueAt = { ...at, field: `${fieldPrefix}.${i}.value` }
    if (value.includes('\n')) {
      out.add({
        code: 'env-value-newline',
        ...valueAt,
        message: `${who}'s variable ${show(name)} has a value spanning several lines.`,
      })
    }
    if (v.secret === true && value !== '') {
      out.add({
        code: 'secret-value',
        ...valueAt,
        message: `${who}'s secret ${show(name)} has a value, which the export and share links would contain.`,
      })
    }
  })
}

/** Per-field rules for every service and the project. */
export function checkFields(shaped: Shaped, out: Findings): void {
  for (const name of shaped.names) {
    const raw = shaped.raw.get(name)!
    const longrun = raw.type === 'longrun'
    if (raw.type !== 'bundle') checkNumbers(name, raw, longrun, out)
    for (const path of carriageReturnPaths(raw) ?? []) {
      out.add({
        code: 'carriage-return',
        service: name,
        field: path.join('.'),
        file: scriptFile(path),
        message: `${show(name)}'s ${path.join('.')} contains a carriage return (a Windows line ending).`,
      })
    }
    if (longrun) checkEnv(raw.env, name, 'env', out)
    if (
      longrun &&
      typeof raw.downSignal === 'string' &&
      raw.downSignal.trim() !== '' &&
      !isKnownSignal(raw.downSignal)
    ) {
      out.add({
        code: 'down-signal-unknown',
        service: name,
        field: 'downSignal',
        file: 'down-signal',
        message: `${show(name)}'s down signal ${showValue(raw.downSignal)} is not a signal s6 knows; it would send SIGTERM instead.`,
      })
    }
    if (raw.essential === true) {
      out.add({
        code: 'essential',
        service: name,
        field: 'essential',
        file: 'flag-essential',
        message: `${show(name)} is flagged essential, so s6-overlay's shutdown skips it and everything it depends on.`,
      })
    }
  }
  checkCarriageReturns(shaped.rawProject, ['project'], (path) =>
    out.add({
      code: 'carriage-return',
      field: path.join('.'),
      message: `The project's ${path.slice(1).join('.')} contains a carriage return (a Windows line ending).`,
    }),
  )
  checkEnv(shaped.rawProject.env, undefined, 'project.env', out)
}
