/**
 * Carriage returns (FORMAT §6.1): a Windows line ending anywhere the export writes breaks
 * shebangs, arguments and names, so every such field is an error. So is a NUL byte in a
 * service's text: the shell stops reading a script there, s6-envdir cuts a value there. And a
 * text longer than a graph file or share link may hold (PARSE_LIMITS): made here, refused there.
 */
import { show } from './report'
import type { Findings } from './report'
import type { Raw } from './guards'
import { isRecord } from './guards'
import { PARSE_LIMITS } from '../parse'

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
  /** What is looked for in each text: a carriage return, a NUL byte, a length. */
  holds: (text: string) => boolean
  path: string[]
  depth: number
  budget: number
  report: (path: string[]) => void
}

function walkStrings(value: unknown, w: Walk): void {
  if (w.budget-- <= 0) return
  if (typeof value === 'string') {
    if (w.holds(value)) w.report([...w.path])
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
 * Reports every text field holding `char` (names have their own rule). Walks depth-first with
 * one shared path, so a clean object allocates almost nothing.
 */
function checkStrings(
  raw: Raw,
  holds: (text: string) => boolean,
  prefix: string[],
  report: (path: string[]) => void,
): void {
  walkStrings(raw, { holds, path: [...prefix], depth: prefix.length + 6, budget: 10_000, report })
}

const TEXT_KEYS = ['description', 'process', 'downSignal'] as const
const SCRIPT_KEYS = ['up', 'down', 'run', 'finish'] as const
const LIST_KEYS: readonly [string, readonly string[]][] = [
  ['env', ['name', 'value', 'description', 'group']],
  ['children', ['name', 'count']],
  ['extraFiles', ['path', 'contents']],
]

/** What a text holds of the three: CR (1), NUL (2), too many characters (4), or none (0). */
function controls(value: unknown): number {
  if (typeof value !== 'string') return 0
  return (
    (value.includes('\r') ? CR : 0) |
    (value.includes('\0') ? NUL : 0) |
    (value.length > PARSE_LIMITS.stringChars ? LONG : 0)
  )
}
const CR = 1
const NUL = 2
const LONG = 4

const tooLong = (text: string) => text.length > PARSE_LIMITS.stringChars

/** Why a text of more than PARSE_LIMITS.stringChars matters, for the messages. */
const LONG_TEXT = `longer than ${PARSE_LIMITS.stringChars / 1024} KB, more than share links, graph files and the export's s6-designer.json may hold: opening or importing any of them refuses the design`

/**
 * The text fields of a service that the export writes and that hold a carriage return, a NUL
 * byte or too many characters (names have their own rules), each path with what it holds (see
 * `controls`).
 * Looks at the known fields only, each once, with no closures or allocations for a clean
 * service: this runs for every service on every edit.
 */
function controlPaths(raw: Raw): [string[], number][] | undefined {
  let found: [string[], number][] | undefined
  for (const key of TEXT_KEYS) {
    const kinds = controls(raw[key])
    if (kinds) (found ??= []).push([[key], kinds])
  }
  for (const key of SCRIPT_KEYS) {
    const script = raw[key]
    const kinds = isRecord(script) ? controls(script.body) : 0
    if (kinds) (found ??= []).push([[key, 'body'], kinds])
  }
  const check = isRecord(raw.readiness) ? controls(raw.readiness.check) : 0
  if (check) (found ??= []).push([['readiness', 'check'], check])
  for (const [field, keys] of LIST_KEYS) {
    const list = raw[field]
    if (!Array.isArray(list)) continue
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i]
      if (!isRecord(item)) continue
      for (const key of keys) {
        const kinds = controls(item[key])
        if (kinds) (found ??= []).push([[field, String(i), key], kinds])
      }
    }
  }
  return found
}

/** Carriage returns, NUL bytes and texts too long in a service's exported text fields. */
export function checkServiceCarriageReturns(name: string, raw: Raw, out: Findings): void {
  for (const [path, kinds] of controlPaths(raw) ?? []) {
    const field = path.join('.')
    const at = { service: name, field, file: scriptFile(path) }
    if (kinds & NUL)
      out.add({
        code: 'nul-byte',
        ...at,
        message: `${show(name)}'s ${field} contains a NUL byte, which ends the text for the programs that read it.`,
      })
    if (kinds & CR)
      out.add({
        code: 'carriage-return',
        ...at,
        message: `${show(name)}'s ${field} contains a carriage return (a Windows line ending).`,
      })
    if (kinds & LONG)
      out.add({
        code: 'text-too-long',
        ...at,
        message: `${show(name)}'s ${field} is ${LONG_TEXT}.`,
      })
  }
}

/** Carriage returns, NUL bytes and texts too long anywhere in the project settings. */
export function checkProjectCarriageReturns(rawProject: Raw, out: Findings): void {
  checkStrings(
    rawProject,
    (text) => text.includes('\r'),
    ['project'],
    (path) =>
      out.add({
        code: 'carriage-return',
        field: path.join('.'),
        message: `The project's ${path.slice(1).join('.')} contains a carriage return (a Windows line ending).`,
      }),
  )
  checkStrings(
    rawProject,
    (text) => text.includes('\0'),
    ['project'],
    (path) =>
      out.add({
        code: 'nul-byte',
        field: path.join('.'),
        message: `The project's ${path.slice(1).join('.')} contains a NUL byte, which ends the text for the programs that read it.`,
      }),
  )
  checkStrings(rawProject, tooLong, ['project'], (path) =>
    out.add({
      code: 'text-too-long',
      field: path.join('.'),
      message: `The project's ${path.slice(1).join('.')} is ${LONG_TEXT}.`,
    }),
  )
}
