/**
 * Turns an executable script from a tree (`run`, `finish`, a helper under
 * /etc/s6-overlay/scripts/) into the model's Script: the language and with-contenv come from
 * the shebang, and the lines s6 Designer's exporter added are removed so export -> import
 * round-trips. The exporter marks each line it adds with a trailing `# s6-designer` comment;
 * an execline script's `with-contenv` line right after the shebang is recognised as well.
 */
import { BOM, baseName } from './tree-input'
import type { Script, ScriptLanguage, Severity } from './types'

/** The comment the exporter ends its own lines with. */
export const DESIGNER_MARKER = '# s6-designer'

export interface ScriptProblem {
  code: string
  severity: Severity
  message: string
  fix: string
}

export interface ParsedScript {
  script: Script
  withContenv: boolean
  /** The interpreter line without `#!`, when there is one. */
  shebang?: string
  /** What changed on the way in, for the read report. */
  notes: string[]
  problems: ScriptProblem[]
}

const SH_LIKE = new Set(['sh', 'ash', 'dash'])
const OTHER_SHELLS = new Set(['zsh', 'ksh', 'mksh', 'busybox'])

function isMarked(line: string): boolean {
  return line.trimEnd().endsWith(DESIGNER_MARKER)
}

function unmark(line: string): string {
  const t = line.trimEnd()
  return t.endsWith(DESIGNER_MARKER) ? t.slice(0, -DESIGNER_MARKER.length).trim() : t.trim()
}

interface Interpreter {
  language: ScriptLanguage
  withContenv: boolean
  /** The program that actually runs the text (sh, bash, execlineb, python3…). */
  program: string
}

function classify(tokens: readonly string[]): Interpreter {
  const [first = '', ...rest] = tokens
  const name = baseName(first)
  if (name === 'env') {
    const args = rest.filter((a) => !a.startsWith('-'))
    return classify(args)
  }
  if (name === 'with-contenv') {
    const inner = rest.length > 0 ? classify(rest) : { language: 'sh' as const, program: 'sh' }
    return { ...inner, withContenv: true }
  }
  if (name === 'execlineb') return { language: 'execline', withContenv: false, program: name }
  if (name === 'bash') return { language: 'bash', withContenv: false, program: name }
  return { language: 'sh', withContenv: false, program: name || 'sh' }
}

/**
 * Shell options given on the #! line after sh or bash (`#!/bin/sh -e`, `with-contenv bash -eu`)
 * as one flag word (`-eu`), or undefined. The export writes its own #! line, so the body keeps
 * them as a `set` line instead.
 */
function shellFlags(tokens: readonly string[]): string | undefined {
  const at = tokens.findIndex((t) => SH_LIKE.has(baseName(t)) || baseName(t) === 'bash')
  if (at < 0) return undefined
  let letters = ''
  for (const t of tokens.slice(at + 1)) {
    if (!/^-[a-zA-Z]+$/.test(t)) break
    letters += t.slice(1)
  }
  return letters === '' ? undefined : `-${letters}`
}

/**
 * Parses a script file's text. `what` names it in messages, for example `web/run`.
 *
 * @example
 * parseScriptFile('#!/command/with-contenv sh\nexec web\n', 'web/run').script
 * // { language: 'sh', body: 'exec web' }
 */
export function parseScriptFile(text: string, what: string): ParsedScript {
  const notes: string[] = []
  const problems: ScriptProblem[] = []
  let source = text
  if (source.startsWith(BOM)) {
    source = source.slice(BOM.length)
    notes.push('byte-order mark (BOM) removed')
    problems.push({
      code: 'byte-order-mark',
      severity: 'error',
      message: `${what} starts with a byte-order mark (BOM) before its #! line: the kernel does not see the interpreter and the script fails with "Exec format error".`,
      fix: 'Save the file as UTF-8 without BOM; the export never writes one.',
    })
  }
  if (source.includes('\r')) {
    source = source.replace(/\r\n/g, '\n').replace(/\r/g, '\n')
    notes.push('Windows line endings (CRLF) converted to LF')
    problems.push({
      code: 'carriage-return',
      severity: 'error',
      message: `${what} has Windows line endings (CRLF): the kernel then looks for an interpreter whose name ends in a carriage return and the script fails with "No such file or directory".`,
      fix: 'Save the file with LF line endings and add `* text eol=lf` to .gitattributes; the export always writes LF.',
    })
  }
  const lines = source.split('\n')
  let shebang: string | undefined
  let interp: Interpreter = { language: 'sh', withContenv: false, program: 'sh' }
  if (lines[0]?.startsWith('#!')) {
    shebang = (lines.shift() as string).slice(2).trim()
    const tokens = shebang.split(/\s+/).filter(Boolean)
    interp = classify(tokens)
    const flags = interp.language === 'execline' ? undefined : shellFlags(tokens)
    if (flags !== undefined) {
      lines.unshift(`set ${flags}`)
      notes.push(`the #! line's ${flags} kept as "set ${flags}" at the top`)
    }
    const path = shebang.split(/\s+/)[0] ?? ''
    if (
      path === '/usr/bin/with-contenv' ||
      path === '/usr/bin/execlineb' ||
      path === '/bin/execlineb'
    ) {
      problems.push({
        code: 'script-legacy-path',
        severity: 'warning',
        message: `${what} starts with #!${path}, which exists only when the optional s6-overlay symlink tarballs are installed.`,
        fix: `Use /command/${baseName(path)}; the export writes that path.`,
      })
    }
    if (!SH_LIKE.has(interp.program) && interp.language === 'sh') {
      // Another shell's script often runs under sh too; a python or perl one never does: its
      // #! line stays in the body, so that validation goes on saying so.
      const foreign = !OTHER_SHELLS.has(interp.program)
      if (foreign) lines.unshift(`#!${shebang}`)
      notes.push(`interpreter ${interp.program} read as sh${foreign ? ', its #! line kept' : ''}`)
      problems.push({
        code: 'script-interpreter',
        severity: 'warning',
        message: `${what} runs with ${interp.program}; s6 Designer keeps scripts as sh, bash or execline, so it was imported as a sh script${foreign ? ', its #! line kept as its first line' : ''}.`,
        fix: OTHER_SHELLS.has(interp.program)
          ? 'Check that the script works under /bin/sh, or keep it as a separate file in your image and call it from a one-line sh script.'
          : 'Keep the program as a separate file in your image and call it from a one-line sh script.',
      })
    }
  } else if (text.trim() !== '') {
    problems.push({
      code: 'script-no-shebang',
      severity: 'warning',
      message: `${what} has no #! line: the kernel cannot run it ("Exec format error").`,
      fix: 'Start the script with #!/bin/sh (or #!/command/with-contenv sh to see the container environment).',
    })
  }
  let withContenv = interp.withContenv
  if (interp.language === 'execline') {
    const first = lines.findIndex((l) => l.trim() !== '')
    if (first >= 0 && unmark(lines[first] as string) === 'with-contenv') {
      withContenv = true
      lines.splice(first, 1)
    }
  }
  const kept = lines.filter((l) => !isMarked(l))
  if (kept.length !== lines.length) notes.push('lines added by the s6 Designer export removed')
  const body = kept.join('\n').replace(/\n+$/, '')
  return { script: { language: interp.language, body }, withContenv, shebang, notes, problems }
}
