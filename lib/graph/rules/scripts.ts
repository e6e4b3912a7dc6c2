/**
 * Script rules: empty scripts, execline braces, a script in the other language than its
 * setting (heuristic), a `cd` whose failure nothing catches, a container variable read without
 * with-contenv, and two heuristics on sh `run` scripts (FORMAT §1 "must not background"; SD):
 * the daemon should be exec'd in the foreground.
 * The heuristics stay quiet on the usual shapes: a final `exec cmd`, or a final `case`/`if`
 * whose branches exec.
 */
import { v2Habits } from '../read-tree-v2-script'
import { OVERLAY_SCRIPTS, oneshotScriptPath, scriptCallOf, scriptPathsIn } from '../script-call'
import type { Script, ServiceName } from '../types'
import { isRecord, type Raw } from './guards'
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

/** Text with its quoted strings' contents masked, so `&` or `exec` inside quotes does not count. */
function unquoted(line: string): string {
  return quotedAway(line).plain
}

/** The first line that sends a command to the background with a lone `&`, if any. */
export function backgroundLine(body: string): string | undefined {
  if (!body.includes('&')) return undefined
  return shLines(body).find((line) =>
    /(^|[^&<>|\\])&(?![&>])/.test(unquoted(line).replace(/\s#.*$/, '')),
  )
}

/** A logical line of a sh script, or a line of a here-document's text. */
interface ScriptLine {
  text: string
  /** Inside a here-document: `expanded` when the shell expands `$NAME` in it (unquoted delimiter). */
  heredoc?: 'expanded' | 'literal'
}

/** `shLines`, with here-document bodies marked (they are text, not commands). */
function scriptLines(body: string): ScriptLine[] {
  const out: ScriptLine[] = []
  let until: { delimiter: string; kind: 'expanded' | 'literal' } | undefined
  for (const text of shLines(body)) {
    if (until) {
      if (text === until.delimiter) until = undefined
      else out.push({ text, heredoc: until.kind })
      continue
    }
    out.push({ text })
    const here = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(text)
    if (here) until = { delimiter: here[2]!, kind: here[1] === '' ? 'expanded' : 'literal' }
  }
  return out
}

/**
 * One pass over a line as sh reads it: the text with what quotes and `\\` escapes hold masked
 * (`_`, the quotes kept as `"`), the same length as the line, so that a position in one is a
 * position in the other; and the names it expands (`$NAME`, `${NAME…}`) outside single quotes.
 */
function quotedAway(line: string): { plain: string; reads: string[] } {
  let plain = ''
  const reads: string[] = []
  let quote: '' | "'" | '"' = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quote === "'") {
      if (c === "'") quote = ''
      plain += c === "'" ? '"' : '_'
      continue
    }
    if (c === '\\') {
      const escaped = Math.min(2, line.length - i)
      plain += (quote === '' ? ' ' : '_').repeat(escaped)
      i++
      continue
    }
    if (c === '$') {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(i))
      if (m) reads.push((m[1] ?? m[2])!)
    }
    if (quote === '"') {
      if (c === '"') quote = ''
      plain += c === '"' ? '"' : '_'
      continue
    }
    if (c === "'" || c === '"') quote = c
    plain += c === "'" ? '"' : c
  }
  return { plain, reads }
}

/** `set -e`, `set -eu`, `set -x -e`, `set -o errexit`: a failed command ends the script. */
const ERREXIT_ON = /^set\s+(?:.*\s)?(?:-[a-zA-Z]*e[a-zA-Z]*|-o\s+errexit)(?:\s|$)/
const ERREXIT_OFF = /^set\s+(?:.*\s)?(?:\+[a-zA-Z]*e[a-zA-Z]*|\+o\s+errexit)(?:\s|$)/
/** What may follow `||` to stop a script whose cd failed. */
const STOPS = /^\s*(?:exit|return|exec|false|die)\b|^\s*\{[^}]*\bexit\b/

/**
 * The first `cd` command whose failure nothing catches, if any: no `|| exit`, no `set -e` in
 * force, and not `cd dir && …` unless that line execs or ends the script. When the folder is
 * missing, the rest of the script runs in the wrong one.
 */
export function uncheckedCd(body: string): string | undefined {
  if (!/\bcd\b/.test(body)) return undefined
  const lines = scriptLines(body).filter((l) => l.heredoc === undefined)
  let errexit = false
  for (let i = 0; i < lines.length; i++) {
    const line = quotedAway(lines[i]!.text).plain.replace(/\s#.*$/, '')
    if (ERREXIT_ON.test(line)) errexit = true
    else if (ERREXIT_OFF.test(line)) errexit = false
    const cd = /^cd(?:\s+([^;&|]*))?/.exec(line)
    if (!cd || errexit || /^cd\s+-\s*($|[;&|])/.test(line)) continue
    let rest = line.slice(cd[0].length)
    // `cd dir ||` (or `&&`) at the end of a line goes on on the next one.
    if (/^(\|\||&&)\s*$/.test(rest) && i + 1 < lines.length)
      rest = `${rest} ${quotedAway(lines[i + 1]!.text).plain}`
    if (rest.startsWith('||') && STOPS.test(rest.slice(2))) continue
    if (rest.startsWith('&&') && (/&&\s*exec\s/.test(rest) || i === lines.length - 1)) continue
    return firstCommand(lines[i]!.text)
  }
  return undefined
}

/** A line up to its first `;`, `&` or `|` outside quotes: its first command, as written. */
function firstCommand(line: string): string {
  const end = quotedAway(line).plain.search(/[;&|]/)
  return (end < 0 ? line : line.slice(0, end)).trim()
}

/** Names a line sets as a command of its own: `NAME=…`, `export NAME`, `read NAME`, `for NAME in`. */
function setsOf(plain: string): string[] {
  const out: string[] = []
  const at = String.raw`(?:^|[;&|(]\s*|\b(?:then|do|else)\s+)`
  for (const m of plain.matchAll(
    new RegExp(`${at}(?:(?:export|local|readonly)\\s+)?([A-Za-z_][A-Za-z0-9_]*)=`, 'g'),
  ))
    out.push(m[1]!)
  for (const m of plain.matchAll(
    /\b(?:export|local|readonly|read(?:\s+-r)?|for)\s+([A-Za-z_][A-Za-z0-9_]*)(?=\s|;|$)/g,
  ))
    out.push(m[1]!)
  return out
}

/**
 * The first container variable (by name) that a sh script of a service run without
 * with-contenv reads before setting it, and does not get from the service's own env/: it is
 * unset there, since services start with a minimal environment (FORMAT §5 Environment).
 */
export function containerVariableMissed(
  body: string,
  container: ReadonlySet<string>,
  own: ReadonlySet<string>,
): string | undefined {
  if (!body.includes('$')) return undefined
  const set = new Set<string>()
  for (const line of scriptLines(body)) {
    if (line.heredoc === 'literal') continue
    // A here-document's text is expanded as if double-quoted.
    const { plain, reads } = quotedAway(line.heredoc ? `"${line.text}"` : line.text)
    // A for loop's variable is set before its body reads it, even on one line.
    if (!line.heredoc)
      for (const m of plain.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) set.add(m[1]!)
    const missed = reads.find((n) => container.has(n) && !own.has(n) && !set.has(n))
    if (missed !== undefined) return missed
    if (!line.heredoc) for (const n of setsOf(plain)) set.add(n)
  }
  return undefined
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

/** sh words that only mean something to sh: at the start of a line they end or continue a block. */
const SH_BLOCK_WORDS = /^(then|fi|elif|do|done|esac)(\s|;|$)/

/**
 * What in an execline script only sh understands, quoted as it appears, or undefined. execlineb
 * reads the whole script as one command line: it does not chain commands with `&&` or `;`,
 * substitute `$(…)` or backquotes, or know `then`/`fi`; it passes them on as words.
 */
export function shInExecline(body: string): string | undefined {
  const first = body.trimStart().split('\n', 1)[0]!
  if (/^#!.*\b(ba|da|z|k)?sh\b/.test(first)) return first.trim()
  const text = body.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/(^|\s)#.*$/gm, '$1')
  const joined = /(^|\s)(&&|\|\|)(\s|$)/.exec(text)
  if (joined) return joined[2]
  const substituted = /\$\(|`/.exec(text)
  if (substituted) return substituted[0]
  const lines = text.split('\n').map((line) => line.trim())
  for (const line of lines) {
    const word = SH_BLOCK_WORDS.exec(line) ?? /^set\s+[-+][a-z]/.exec(line)
    if (word) return word[1] ?? word[0]
  }
  // The command the script starts with: no program is called like a sh builtin or an assignment.
  const command = lines.find((line) => line !== '')?.split(/\s+/, 1)[0] ?? ''
  if (SH_ONLY_COMMANDS.has(command) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(command)) return command
  return undefined
}

/** sh builtins that no execline program (and no binary) answers to. */
const SH_ONLY_COMMANDS = new Set(['set', 'source', '.', 'local', 'alias', 'eval', 'read', 'unset'])

/** Interpreters a shell script may name in a #! line of its own: its shell reads them the same. */
const SH_LIKE =
  /^#!\s*(\/command\/with-contenv\s+)?(\/usr)?(\/bin\/|\/usr\/bin\/env\s+)?(sh|dash|ash)(\s|$)/
const BASH_LIKE =
  /^#!\s*(\/command\/with-contenv\s+)?(\/usr)?(\/bin\/|\/usr\/bin\/env\s+)?(sh|dash|ash|bash)(\s|$)/

/**
 * A #! line of its own at the top of a `shell` script naming another interpreter (bash in a sh
 * script, python…), or undefined. The export writes `#!/command/with-contenv <shell>` above the
 * body, so that shell runs it and the line is only a comment.
 */
export function foreignInterpreter(body: string, shell: 'sh' | 'bash' = 'sh'): string | undefined {
  if (!body.includes('#!')) return undefined
  const first = body.trimStart().split('\n', 1)[0]!.trim()
  return first.startsWith('#!') && !(shell === 'bash' ? BASH_LIKE : SH_LIKE).test(first)
    ? first
    : undefined
}

/** execline programs that take a { } block as their first arguments. */
const EXECLINE_BLOCKS =
  /^(foreground|background|if|ifelse|ifte|ifthenelse|backtick|pipeline|forx|forbacktickx|forstdin|loopwhilex|tryexec|trap)\b[^;]*\{\s*(\S.*)?$/

/**
 * An execline construct in a sh script, quoted, or undefined: a block program with its `{`
 * (sh has no such blocks; over several lines it is a syntax error), or `importas` /
 * `multisubstitute`, which substitute into an execline script and do nothing for sh.
 */
export function execlineInSh(body: string): string | undefined {
  // Most sh scripts have neither a brace nor importas: no need to read them line by line.
  if (!body.includes('{') && !body.includes('importas') && !body.includes('multisubstitute'))
    return undefined
  const lines = shLines(body)
  const shIf = lines.some((line) => /(^|\s|;)then(\s|$)/.test(line))
  for (const line of lines) {
    const plain = unquoted(line)
    if (/^(importas|multisubstitute)\s/.test(plain)) return plain.split(/\s/, 1)[0]
    const block = EXECLINE_BLOCKS.exec(plain)
    if (block && !(block[1] === 'if' && shIf)) return `${block[1]} {`
  }
  return undefined
}

const isScript = (v: unknown): v is Script =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Script).body === 'string' &&
  typeof (v as Script).language === 'string'

type ScriptKey = 'up' | 'down' | 'run' | 'finish'

/**
 * Scripts that call a script under /etc/s6-overlay/scripts/ which the export does not write (it
 * writes `<name>` and `<name>-down` for the oneshot steps that are not such a call): the image
 * has to provide it. A step that is nothing but the call says "only calls"; a longer step or a
 * run or finish script that names such a path, "calls".
 */
function checkScriptCalls(shaped: Shaped, out: Findings): void {
  let calls: [ServiceName, ScriptKey, string, boolean][] | undefined
  for (const [name, raw] of shaped.raw) {
    for (const key of ['up', 'down', 'run', 'finish'] as const) {
      const script = raw[key]
      if (!isScript(script) || !script.body.includes(OVERLAY_SCRIPTS)) continue
      const call = raw.type === 'oneshot' ? scriptCallOf(script) : undefined
      if (call) (calls ??= []).push([name, key, call.path, true])
      else
        for (const path of scriptPathsIn(script.body)) (calls ??= []).push([name, key, path, false])
    }
  }
  if (!calls) return
  // What the export writes: a script for every oneshot step that is not a sole call.
  const calling = new Set(
    calls.filter((c) => c[3]).map(([name, key]) => oneshotScriptPath(name, key as 'up' | 'down')),
  )
  const written = new Set<string>()
  for (const [name, raw] of shaped.raw) {
    if (raw.type !== 'oneshot') continue
    for (const key of ['up', 'down'] as const) {
      const path = oneshotScriptPath(name, key)
      if (isScript(raw[key]) && !calling.has(path)) written.add(path)
    }
  }
  for (const [name, key, path, only] of calls) {
    if (written.has(path)) continue
    out.add({
      code: 'script-outside-export',
      service: name,
      field: `${key}.body`,
      file: key,
      message: `${show(name)}'s ${key} ${only ? 'only calls' : 'calls'} ${path}, which this design does not contain: your image must provide it (mode 0755).`,
    })
  }
}

/**
 * A oneshot's down script and another oneshot's up script at one path: `x`'s down is written to
 * scripts/x-down, where the oneshot named `x-down` has its up. The export keeps one of them.
 */
function checkScriptPaths(shaped: Shaped, out: Findings): void {
  const writes = (raw: Raw | undefined, key: 'up' | 'down') => {
    const script = raw?.[key]
    return raw?.type === 'oneshot' && isScript(script) && scriptCallOf(script) === undefined
  }
  for (const [name, raw] of shaped.raw) {
    if (!writes(raw, 'down')) continue
    const path = oneshotScriptPath(name, 'down')
    const other = `${name}-down`
    if (!writes(shaped.raw.get(other), 'up') || oneshotScriptPath(other, 'up') !== path) continue
    out.add({
      code: 'export-script-collision',
      service: name,
      field: 'down',
      file: 'down',
      message: `${show(name)}'s down script and ${show(other)}'s up script would both be ${path}; the export cannot write both.`,
      fix: `Rename ${show(other)}, or ${show(name)}.`,
    })
  }
}

/** Why a script reads as the other language than the one it is set to, and what to do. */
function languageMismatch(
  script: Script,
  what: string,
): { message: string; fix: string } | undefined {
  if (script.language === 'execline') {
    const sh = shInExecline(script.body)
    return sh === undefined
      ? undefined
      : {
          message: `${what} is set to execline but reads like sh (${JSON.stringify(sh.slice(0, 40))}); execlineb would run it as one command with that as a word.`,
          fix: 'Switch the script to sh, or rewrite it in execline.',
        }
  }
  const shell = script.language
  const interpreter = foreignInterpreter(script.body, shell)
  if (interpreter !== undefined)
    return {
      message: `${what} starts with its own ${JSON.stringify(interpreter.slice(0, 40))} line, but the export writes #!/command/with-contenv ${shell} above it: ${shell} runs the script, and that line is only a comment.`,
      fix: /execlineb/.test(interpreter)
        ? 'Switch the script to execline and remove its #! line.'
        : /bash/.test(interpreter)
          ? 'Switch the script to bash, or write it for sh.'
          : `Write the script for ${shell}, or make it call a script of that language that your image provides (for example exec /app/bin/start.py).`,
    }
  const execline = execlineInSh(script.body)
  return execline === undefined
    ? undefined
    : {
        message: `${what} is set to ${shell} but reads like execline (${JSON.stringify(execline)}), which ${shell} cannot run.`,
        fix: `Switch the script to execline, or rewrite it in ${shell}.`,
      }
}

const NONE: ReadonlySet<string> = new Set()

/** The named entries of a list of variables (anything else in it is another rule's concern). */
function envEntries(list: unknown): Raw[] {
  return Array.isArray(list)
    ? list.filter((v): v is Raw => isRecord(v) && typeof v.name === 'string')
    : []
}

function envNames(list: unknown): string[] {
  return envEntries(list).map((v) => v.name as string)
}

/**
 * The container's variables as services see them through with-contenv; none to miss when
 * S6_KEEP_ENV=1 (a setting or a container variable) keeps the whole environment everywhere.
 */
function containerNames(shaped: Shaped): Set<string> {
  const { s6Env, env } = shaped.rawProject
  const keep =
    (isRecord(s6Env) && s6Env.S6_KEEP_ENV === '1') ||
    envEntries(env).some((v) => v.name === 'S6_KEEP_ENV' && v.value === '1')
  // PATH is every service's from the start (FORMAT §5), with-contenv or not.
  return new Set(keep ? [] : envNames(env).filter((n) => n !== 'PATH'))
}

/** Script rules for every oneshot and longrun. */
export function checkScripts(shaped: Shaped, out: Findings): void {
  checkScriptCalls(shaped, out)
  checkScriptPaths(shaped, out)
  const container = containerNames(shaped)
  for (const [name, raw] of shaped.raw) {
    // Without with-contenv, a run script still gets the longrun's own env/ (s6-envdir); its
    // other scripts get nothing.
    const bare = container.size > 0 && raw.withContenv === false
    const ownRun = bare ? new Set(envNames(raw.type === 'longrun' ? raw.env : undefined)) : NONE
    for (const key of ['up', 'down', 'run', 'finish'] as const) {
      const script = raw[key]
      if (!isScript(script)) continue
      const mismatch = languageMismatch(script, `${show(name)}'s ${key} script`)
      if (mismatch)
        out.add({
          code: 'script-language-mismatch',
          service: name,
          field: `${key}.language`,
          file: key,
          ...mismatch,
        })
      const [habit] = v2Habits(script.body)
      if (habit !== undefined)
        out.add({
          code: 'script-v2-command',
          service: name,
          field: `${key}.body`,
          file: key,
          message: `${show(name)}'s ${key} script ${habit}.`,
        })
      const missed =
        bare && script.language !== 'execline'
          ? containerVariableMissed(script.body, container, key === 'run' ? ownRun : NONE)
          : undefined
      if (missed !== undefined)
        out.add({
          code: 'env-without-contenv',
          service: name,
          field: 'withContenv',
          file: key,
          message: `${show(name)}'s ${key} script reads $${missed}, a container variable, but runs without with-contenv: it starts with a minimal environment, where ${missed} is not set${key !== 'run' && ownRun.has(missed) ? ` (the service's own ${missed} reaches only its run script)` : ''}.`,
          fix:
            key === 'run' && raw.type === 'longrun'
              ? `Turn on "Run with with-contenv" for ${show(name)}, or give ${show(name)} its own ${missed}.`
              : `Turn on "Run with with-contenv" for ${show(name)}.`,
        })
      const cd = script.language === 'execline' ? undefined : uncheckedCd(script.body)
      if (cd !== undefined)
        out.add({
          code: 'cd-unchecked',
          service: name,
          field: `${key}.body`,
          file: key,
          message: `${show(name)}'s ${key} script carries on if ${cd} fails (a folder missing or not mounted) and runs the rest in whatever folder it started in.`,
          fix: `Write ${cd} || exit 1.`,
        })
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
    if (run.language === 'execline') continue
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
