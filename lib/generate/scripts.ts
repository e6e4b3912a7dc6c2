/**
 * Interpreter lines and the lines the exporter adds around a user's script body.
 *
 * Convention shared with the importer (lib/graph/read-tree-script.ts): every line the exporter
 * adds to a body ends with `# s6-designer`, so `readTree` can drop them and give the body back
 * unchanged; interpreter lines are dropped by the importer anyway. In an execline script the
 * `with-contenv` line comes first, right after the interpreter line, where the importer looks
 * for it. Per-service variables are files `env/NAME` holding the value and one final LF, read
 * with `s6-envdir -Lf` (whole file, only that last LF removed), so the process sees the value
 * exactly: newlines, trailing blanks, quotes and non-ASCII included.
 */
import { DESIGNER_MARKER } from '../graph/read-tree-script'
import type { Script } from '../graph/types'
import { bodyLines } from './file-map'

export { SCRIPTS_DIR } from '../graph/script-call'

/** The variable the sh prelude sets while it re-executes the script through its wrappers. */
export const WRAPPED_VAR = 'S6_DESIGNER_WRAPPED'

/** `s6-envdir` with the flags that keep each value exactly (whole file, one final LF dropped). */
export const ENVDIR_COMMAND = 's6-envdir -Lf ./env'

/**
 * `s6-notifyoncheck` as the exporter uses it: `-d` double-forks the checker so it is not a
 * child of the daemon, `-n 0` retries `./data/check` until it succeeds (the default gives up
 * after 7 tries; `timeout-up` is the limit instead).
 */
export const NOTIFYONCHECK_COMMAND = 's6-notifyoncheck -d -n 0'

const marked = (line: string) => `${line} ${DESIGNER_MARKER}`

/** What a run script needs around the user's body. */
export interface RunWrapping {
  withContenv: boolean
  /** A logger reads stdout: send stderr there too. */
  joinStderr: boolean
  /** Load `./env` with s6-envdir. */
  envdir: boolean
  /** Wrap the daemon in s6-notifyoncheck (readiness check). */
  notifyOnCheck: boolean
}

/** The interpreter line for a script. `finish` scripts in execline substitute `$1`, `$2`… */
export function shebang(
  language: Script['language'],
  withContenv: boolean,
  role: 'run' | 'finish' | 'oneshot',
): string {
  if (language === 'execline')
    return role === 'finish' ? '#!/command/execlineb -S0' : '#!/command/execlineb -P'
  return withContenv ? `#!/command/with-contenv ${language}` : `#!/bin/${language}`
}

/**
 * The lines of a run script: interpreter, added lines (marked), then the body.
 *
 * In sh, a script cannot put programs in front of itself, so it re-executes itself once through
 * them: `exec env S6_DESIGNER_WRAPPED=1 s6-envdir … s6-notifyoncheck … sh "$0"`, and the second
 * pass skips that line and unsets the variable. In execline the wrappers simply chain.
 */
export function runScriptLines(script: Script, wrap: RunWrapping): string[] {
  const out = [shebang(script.language, wrap.withContenv, 'run')]
  const chain: string[] = []
  if (wrap.envdir) chain.push(ENVDIR_COMMAND)
  if (wrap.notifyOnCheck) chain.push(NOTIFYONCHECK_COMMAND)
  if (script.language === 'execline') {
    if (wrap.withContenv) out.push(marked('with-contenv'))
    if (wrap.joinStderr) out.push(marked('fdmove -c 2 1'))
    for (const c of chain) out.push(marked(c))
  } else {
    if (wrap.joinStderr) out.push(marked('exec 2>&1'))
    if (chain.length > 0) {
      const reexec = `exec env ${WRAPPED_VAR}=1 ${chain.join(' ')} ${script.language} "$0" "$@"`
      out.push(marked(`if [ -z "\${${WRAPPED_VAR}:-}" ]; then ${reexec}; fi`))
      out.push(marked(`unset ${WRAPPED_VAR}`))
    }
  }
  return [...out, ...bodyLines(script.body)]
}

/** The lines of a finish script or a oneshot's script: interpreter, with-contenv, body. */
export function plainScriptLines(
  script: Script,
  withContenv: boolean,
  role: 'finish' | 'oneshot',
): string[] {
  const out = [shebang(script.language, withContenv, role)]
  if (script.language === 'execline' && withContenv) out.push(marked('with-contenv'))
  return [...out, ...bodyLines(script.body)]
}

/** The readiness check `s6-notifyoncheck` runs as `./data/check`; it inherits the run's env. */
export function checkScriptLines(check: string): string[] {
  return ['#!/bin/sh', ...bodyLines(check)]
}

/**
 * One word for an execline command line (an `up`/`down` file): bare when it holds only safe
 * characters, else double-quoted with `\` and `"` escaped.
 */
export function execlineWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `"${word.replace(/[\\"]/g, (c) => `\\${c}`)}"`
}

/** A word for a POSIX shell: bare when safe, else single-quoted. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word
  return `'${word.replace(/'/g, `'\\''`)}'`
}
