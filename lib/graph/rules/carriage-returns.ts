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
  path: string[]
  depth: number
  budget: number
  /** A text at `path` that holds `kinds` (see `controls`). */
  report: (path: string[], kinds: number) => void
}

function walkStrings(value: unknown, w: Walk): void {
  if (w.budget-- <= 0) return
  if (typeof value === 'string') {
    const kinds = controls(value)
    if (kinds) w.report([...w.path], kinds)
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
 * Reports every text field holding a CR, a NUL byte or too many characters (names have their
 * own rule). Walks depth-first with one shared path, so a clean object allocates almost nothing.
 */
function checkStrings(
  raw: Raw,
  prefix: string[],
  report: (path: string[], kinds: number) => void,
): void {
  walkStrings(raw, { path: [...prefix], depth: prefix.length + 6, budget: 10_000, report })
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

/** The findings for one text holding `kinds`; `whose` names it ("web's run.body"). */
function reportControls(
  kinds: number,
  whose: string,
  at: { service?: string; field: string; file?: string },
  out: Findings,
): void {
  if (kinds & NUL)
    out.add({
      code: 'nul-byte',
      ...at,
      message: `${whose} contains a NUL byte, which ends the text for the programs that read it.`,
    })
  if (kinds & CR)
    out.add({
      code: 'carriage-return',
      ...at,
      message: `${whose} contains a carriage return (a Windows line ending).`,
    })
  if (kinds & LONG) out.add({ code: 'text-too-long', ...at, message: `${whose} is ${LONG_TEXT}.` })
}

/** Carriage returns, NUL bytes and texts too long in a service's exported text fields. */
export function checkServiceCarriageReturns(name: string, raw: Raw, out: Findings): void {
  for (const [path, kinds] of controlPaths(raw) ?? []) {
    const field = path.join('.')
    const at = { service: name, field, file: scriptFile(path) }
    reportControls(kinds, `${show(name)}'s ${field}`, at, out)
  }
}

/** Carriage returns, NUL bytes and texts too long anywhere in the project settings. */
export function checkProjectCarriageReturns(rawProject: Raw, out: Findings): void {
  checkStrings(rawProject, ['project'], (path, kinds) =>
    reportControls(
      kinds,
      `The project's ${path.slice(1).join('.')}`,
      { field: path.join('.') },
      out,
    ),
  )
}
