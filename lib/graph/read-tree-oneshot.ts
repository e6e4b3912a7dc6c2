/**
 * A oneshot's `up` and `down`: one execline command line each. When the line calls a script
 * under /etc/s6-overlay/scripts/ (optionally through with-contenv) and the input holds that
 * script, the script's body becomes the model's `up`/`down`; otherwise the line itself is kept
 * as an execline body.
 */
import { lexExecline } from './read-tree-execline'
import { calledScript } from './script-call'
import { parseScriptFile } from './read-tree-script'
import type { ServiceDir } from './read-tree-service-dir'
import { BOM, decodeText, joinPath } from './tree-input'
import type { Script } from './types'

export interface OneshotAction {
  script: Script
  /** with-contenv came from the line's prefix or the script's shebang. */
  withContenv: boolean
}

/** Reads `up` or `down`; undefined when the file is absent. */
export function readOneshotAction(sd: ServiceDir, entry: 'up' | 'down'): OneshotAction | undefined {
  const raw = sd.text(entry)
  if (raw === undefined) return undefined
  const text = raw.startsWith(BOM) ? raw.slice(BOM.length) : raw
  if (text !== raw) {
    sd.diag(
      'byte-order-mark',
      'error',
      entry,
      `${sd.path(entry)} starts with a byte-order mark (BOM): execlineb reads it as part of the first command's name, which is then not found, so the ${entry} step fails (exit 127). The import removed it.`,
      'Save the file as UTF-8 without BOM; the export never writes one.',
    )
  }
  const kept = (note: string): OneshotAction => {
    sd.note(entry, 'kept', note)
    return {
      script: { language: 'execline', body: text.replace(/[\r\n]+$/, '') },
      withContenv: false,
    }
  }
  const lexed = lexExecline(text)
  if (!lexed.ok) {
    sd.diag(
      'execline-unbalanced',
      'error',
      entry,
      `${sd.path(entry)} is not valid execline (${lexed.error}); s6-rc-compile stops with a syntax error (exit 1).`,
      'Balance the braces, or put the commands in a script under /etc/s6-overlay/scripts/ and make this file one line calling it.',
    )
    return kept('kept as written; it has an execline syntax error')
  }
  if (lexed.words.length === 0) return kept('empty command line: does nothing')
  const call = calledScript(lexed.words)
  if (!call) return kept('one execline command line, kept as the body')
  const scriptsDir = sd.ctx.report.scriptsDir
  const rootfs = sd.ctx.report.rootfsDir
  const file = rootfs !== undefined ? joinPath(rootfs, call.path.slice(1)) : undefined
  const bytes = file !== undefined ? sd.ctx.tree.bytes(file) : undefined
  if (file === undefined || bytes === undefined) {
    if (rootfs === undefined)
      return kept(`calls ${call.path}, outside the folder read: the call is kept as the body`)
    sd.diag(
      'up-script-missing',
      'warning',
      entry,
      `${sd.path(entry)} calls ${call.path}, which is not in ${scriptsDir ?? joinPath(rootfs, 'etc/s6-overlay/scripts')}: the ${entry} step fails with "not found" (exit 127).`,
      `Add the script at ${call.path} in your image, with mode 0755.`,
    )
    return kept(`calls ${call.path}, not in the input: the call is kept as the body`)
  }
  const parsed = parseScriptFile(decodeText(bytes), file)
  for (const p of parsed.problems) sd.diag(p.code, p.severity, entry, p.message, p.fix)
  if (sd.ctx.tree.modesKnown && !sd.ctx.tree.executables.has(file)) {
    sd.diag(
      'script-not-executable',
      'warning',
      entry,
      `${file} is not executable: the ${entry} step fails with "permission denied" (exit 126).`,
      'chmod 755 the script, or use COPY --chmod=755 in the Dockerfile; the export sets the mode for you.',
    )
  }
  sd.ctx.usedScripts.add(file)
  sd.ctx.note(
    file,
    'converted',
    `body of ${sd.name}'s ${entry}${parsed.notes.length ? `; ${parsed.notes.join('; ')}` : ''}`,
  )
  sd.note(entry, 'converted', `calls ${call.path}; the script's body was read into ${entry}`)
  return { script: parsed.script, withContenv: call.withContenv || parsed.withContenv }
}
