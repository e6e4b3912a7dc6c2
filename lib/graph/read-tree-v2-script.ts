/**
 * A script from an s6-overlay v2 folder (cont-init.d, cont-finish.d, services.d run/finish) as
 * a Script of the design, with what changed on the way in. s6-overlay v3 moved its tools and
 * its supervision tree (MOVING-TO-V3); the notes say where a kept body still uses v2 paths.
 */
import type { ReadContext } from './read-tree-context'
import { parseScriptFile } from './read-tree-script'
import type { ScriptProblem } from './read-tree-script'
import type { Script } from './types'

export interface V2Script {
  script: Script
  withContenv: boolean
  /** What changed or needs a look, for the report. */
  notes: string[]
}

const SVSCANCTL = /s6-svscanctl\s+-t\s+\/var\/run\/s6\/services/
const OLD_SCANDIR = /\/var\/run\/s6\/services\b/
const ABSOLUTE_TOOLS = /(^|[\s;|&(])\/(usr\/)?bin\/(s6-|execlineb|with-contenv|fdmove|foreground)/m

/**
 * The s6-overlay v2 habits a script body shows that do not work under v3, each said as the rest
 * of a sentence ("calls …"). Also a validation rule (script-v2-command): v2 scripts copied into
 * a v3 design, or written from v2 guides, keep them.
 */
export function v2Habits(body: string): string[] {
  if (!body.includes('/')) return []
  const habits: string[] = []
  if (SVSCANCTL.test(body))
    habits.push(
      'calls s6-svscanctl -t /var/run/s6/services to stop the container, which does nothing under s6-overlay v3: use /run/s6/basedir/bin/halt',
    )
  else if (OLD_SCANDIR.test(body))
    habits.push('uses /var/run/s6/services, which s6-overlay v3 moved to /run/service')
  if (ABSOLUTE_TOOLS.test(body))
    habits.push(
      'calls s6 tools by a /bin or /usr/bin path, which s6-overlay v3 has only with its symlink tarballs: call them by name',
    )
  return habits
}

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1)
}

/** Notes about the interpreter and the v2 habits a script body shows. */
export function scriptNotes(
  shebang: string | undefined,
  language: Script['language'],
  body: string,
): string[] {
  const notes: string[] = []
  const words = shebang?.split(/\s+/).filter(Boolean) ?? []
  const program = words
    .map(baseName)
    .find((w) => w !== 'with-contenv' && w !== 'env' && !w.startsWith('-'))
  if (language === 'sh' && program !== undefined && !['sh', 'ash', 'dash'].includes(program))
    notes.push(
      `a ${program} script, kept verbatim as sh: ${program}-only syntax ([[ ]], arrays, source…) may fail when sh runs it`,
    )
  const interp = words[0]
  if (
    interp !== undefined &&
    interp !== `/command/${baseName(interp)}` &&
    ['with-contenv', 'execlineb'].includes(baseName(interp))
  )
    notes.push(`#!${interp} becomes #!/command/${baseName(interp)} on export`)
  notes.push(...v2Habits(body))
  return notes
}

/**
 * Reads one v2 script. Its problems become diagnostics of `service`, except the legacy
 * interpreter path, which the export replaces anyway (it is a note instead).
 */
export function readV2Script(ctx: ReadContext, path: string, service: string): V2Script {
  const parsed = parseScriptFile(ctx.tree.text(path) ?? '', path)
  reportProblems(ctx, parsed.problems, service, path)
  const notes = [
    ...scriptNotes(parsed.shebang, parsed.script.language, parsed.script.body),
    ...textNotes(parsed.notes),
  ]
  checkExecutable(ctx, path, service)
  return { script: parsed.script, withContenv: parsed.withContenv, notes }
}

/** What parsing changed in a script's text (line endings, #! options), for a v2 note. */
export function textNotes(notes: readonly string[]): string[] {
  return notes.filter((n) => n.startsWith('Windows') || n.startsWith("the #! line's"))
}

/**
 * Warns about a v2 script without the exec bit: as it is, s6-overlay v3 cannot run it (a
 * problem of the tree, which lint reports; the export mends it).
 */
export function checkExecutable(ctx: ReadContext, path: string, service: string): void {
  if (!ctx.tree.modesKnown || ctx.tree.executables.has(path)) return
  ctx.diag({
    code: 'script-not-executable',
    severity: 'warning',
    service,
    file: path,
    message: `${path} is not executable: s6-overlay v3 cannot run it ("Permission denied").`,
    fix: 'chmod 755 the script, or use COPY --chmod=755 in the Dockerfile; the export sets the mode for you.',
  })
}

/** Adds a script's problems as diagnostics of `service`, dropping the legacy-path one. */
export function reportProblems(
  ctx: ReadContext,
  problems: readonly ScriptProblem[],
  service: string,
  file: string,
): void {
  for (const p of problems) {
    if (p.code === 'script-legacy-path') continue
    ctx.diag({ code: p.code, severity: p.severity, service, file, message: p.message, fix: p.fix })
  }
}
