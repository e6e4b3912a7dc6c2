/**
 * Script rules: empty scripts, execline braces, and two heuristics on sh `run` scripts
 * (FORMAT §1 "must not background"; SD): the daemon should be exec'd in the foreground.
 * The heuristics stay quiet on the usual shapes: a final `exec cmd`, or a final `case`/`if`
 * whose branches exec.
 */
import { oneshotScriptPath, scriptCallOf } from '../script-call'
import type { Script, ServiceName } from '../types'
import type { Findings } from './report'
import { show } from './report'
import type { Shaped } from './shape'

/** The logical lines of a sh script: continuations joined, comments and blank lines dropped. */
export function shLines(body: string): string[] {
  if (!body.includes('\n')) {
    const line = body.trim()
    return line === '' || line.startsWith('#') ? [] : [line]
  }
  return body
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** Text without quoted strings, so `&` or `exec` inside quotes does not count. */
function unquoted(line: string): string {
  return line.replace(/'[^']*'/g, "''").replace(/"(?:[^"\\]|\\.)*"/g, '""')
}

/** The first line that sends a command to the background with a lone `&`, if any. */
export function backgroundLine(body: string): string | undefined {
  if (!body.includes('&')) return undefined
  return shLines(body).find((line) =>
    /(^|[^&<>|\\])&(?![&>])/.test(unquoted(line).replace(/\s#.*$/, '')),
  )
}

const EXEC_COMMAND = /(^|[;&|(]\s*|\b(?:then|else|do)\s+|\)\s*)exec\s+(?![0-9]*[<>])\S/

/** Whether a sh run script ends by exec'ing its command (heuristic). */
export function endsWithExec(body: string): boolean {
  const lines = shLines(body)
  if (lines.length === 0) return true
  const last = unquoted(lines[lines.length - 1]!)
  if (EXEC_COMMAND.test(last)) return true
  if (/^(esac|fi|done|\}|\))\s*(;.*)?$/.test(last) || /;;\s*esac$/.test(last)) {
    for (const line of lines) if (EXEC_COMMAND.test(unquoted(line))) return true
  }
  return false
}

/** Whether execline `{` / `}` blocks balance (quoted strings and comments aside). */
export function execlineBalanced(body: string): boolean {
  let depth = 0
  const words = body
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/(^|\s)#.*$/gm, '$1')
    .split(/\s+/)
  for (const word of words) {
    if (word === '{') depth++
    else if (word === '}' && --depth < 0) return false
  }
  return depth === 0
}

const isScript = (v: unknown): v is Script =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Script).body === 'string' &&
  typeof (v as Script).language === 'string'

/**
 * Oneshot steps that only call a script under /etc/s6-overlay/scripts/ which the export does
 * not write (it writes `<name>` and `<name>-down` for the other oneshots' steps): the image has
 * to provide it.
 */
function checkScriptCalls(shaped: Shaped, out: Findings): void {
  let calls: [ServiceName, 'up' | 'down', string][] | undefined
  for (const [name, raw] of shaped.raw) {
    if (raw.type !== 'oneshot') continue
    for (const key of ['up', 'down'] as const) {
      const script = raw[key]
      const call = isScript(script) ? scriptCallOf(script) : undefined
      if (call) (calls ??= []).push([name, key, call.path])
    }
  }
  if (!calls) return
  // What the export writes: a script for every other oneshot step.
  const calling = new Set(calls.map(([name, key]) => oneshotScriptPath(name, key)))
  const written = new Set<string>()
  for (const [name, raw] of shaped.raw) {
    if (raw.type !== 'oneshot') continue
    for (const key of ['up', 'down'] as const) {
      const path = oneshotScriptPath(name, key)
      if (isScript(raw[key]) && !calling.has(path)) written.add(path)
    }
  }
  for (const [name, key, path] of calls) {
    if (written.has(path)) continue
    out.add({
      code: 'script-outside-export',
      service: name,
      field: `${key}.body`,
      file: key,
      message: `${show(name)}'s ${key} only calls ${path}, which this design does not contain: your image must provide it (mode 0755).`,
    })
  }
}

/** Script rules for every oneshot and longrun. */
export function checkScripts(shaped: Shaped, out: Findings): void {
  checkScriptCalls(shaped, out)
  for (const [name, raw] of shaped.raw) {
    for (const key of ['up', 'down', 'run', 'finish'] as const) {
      const script = raw[key]
      if (!isScript(script)) continue
      if (script.language === 'execline' && !execlineBalanced(script.body)) {
        out.add({
          code: 'execline-unbalanced',
          service: name,
          field: `${key}.body`,
          file: key,
          message: `${show(name)}'s ${key} script has unbalanced { } blocks; execlineb refuses it.`,
        })
      }
    }
    // A oneshot with only a down script (converted cont-finish.d, say) may leave up empty.
    if (
      raw.type === 'oneshot' &&
      isScript(raw.up) &&
      raw.up.body.trim() === '' &&
      !(isScript(raw.down) && raw.down.body.trim() !== '')
    ) {
      out.add({
        code: 'empty-up',
        service: name,
        field: 'up.body',
        file: 'up',
        message: `${show(name)}'s up script is empty, so the oneshot does nothing.`,
      })
    }
    if (raw.type !== 'longrun' || !isScript(raw.run)) continue
    const run = raw.run
    if (run.body.trim() === '') {
      out.add({
        code: 'empty-run',
        service: name,
        field: 'run.body',
        file: 'run',
        message: `${show(name)}'s run script is empty; it would exit at once and be restarted forever.`,
      })
      continue
    }
    if (run.language !== 'sh') continue
    const background = backgroundLine(run.body)
    if (background !== undefined) {
      out.add({
        code: 'run-backgrounds',
        service: name,
        field: 'run.body',
        file: 'run',
        message: `${show(name)}'s run script sends a command to the background ("${background.slice(0, 60)}"); s6 does not supervise it.`,
      })
    }
    if (!endsWithExec(run.body)) {
      out.add({
        code: 'run-no-exec',
        service: name,
        field: 'run.body',
        file: 'run',
        message: `${show(name)}'s run script does not end with exec, so the shell stays in between and receives the down signal.`,
      })
    }
  }
}
