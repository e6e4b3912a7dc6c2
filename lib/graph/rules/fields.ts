/**
 * Per-field rules (FORMAT §1, §6): timeouts and descriptors as s6-rc-compile parses them, the
 * down signal and the essential flag; carriage returns and environment variables have their
 * own modules.
 * They read the raw values, so "abc" or -1 is reported as given.
 */
import type { Findings } from './report'
import { seconds, show, showValue } from './report'
import type { Raw } from './guards'
import { isRecord } from './guards'
import type { Shaped } from './shape'
import { checkProjectCarriageReturns, checkServiceCarriageReturns } from './carriage-returns'
import { checkEnv } from './env'
import { isKnownSignal, isSignalWord } from '../overlay'

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
    // s6-rc waits for a oneshot, or a longrun's readiness, at most timeout-up, then fails it.
    const limit = raw.timeoutUp
    const waited = !longrun || (raw.type === 'longrun' && raw.readiness !== undefined)
    if (
      waited &&
      typeof estimate === 'number' &&
      typeof limit === 'number' &&
      limit > 0 &&
      estimate > limit
    ) {
      out.add({
        code: 'estimate-over-timeout',
        service: name,
        field: 'timeoutUp',
        file: 'timeout-up',
        message: `${show(name)} is estimated to take ${seconds(estimate)} to ${longrun ? 'be ready' : 'start'}, but its timeout-up gives up after ${seconds(limit)}: s6-rc would fail it, and what depends on it would never start.`,
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

/** Per-field rules for every service and the project. */
export function checkFields(shaped: Shaped, out: Findings): void {
  for (const [name, raw] of shaped.raw) {
    const longrun = raw.type === 'longrun'
    if (raw.type !== 'bundle') checkNumbers(name, raw, longrun, out)
    checkServiceCarriageReturns(name, raw, out)
    if (longrun) checkEnv(raw.env, name, 'env', out)
    if (longrun && typeof raw.downSignal === 'string' && !isSignalWord(raw.downSignal)) {
      // Not even a word: the export cannot write it (export-invalid-signal).
      if (raw.downSignal.trim() !== '')
        out.add({
          code: 'export-invalid-signal',
          service: name,
          field: 'downSignal',
          file: 'down-signal',
          message: `${show(name)}'s down signal ${showValue(raw.downSignal)} is not a signal name or number; the export would leave down-signal out, and s6 would send SIGTERM.`,
        })
    } else if (
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
        message:
          raw.type === 'bundle'
            ? `${show(name)} is flagged essential, which s6-rc gives each of its members, so s6-overlay's shutdown skips them and everything they depend on.`
            : `${show(name)} is flagged essential, so s6-overlay's shutdown skips it and everything it depends on.`,
      })
    }
  }
  checkProjectCarriageReturns(shaped.rawProject, out)
  checkEnv(shaped.rawProject.env, undefined, 'project.env', out)
}
