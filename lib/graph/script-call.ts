/**
 * A oneshot step that is nothing but a call of a script under /etc/s6-overlay/scripts/: the
 * one-line `up` files of s6-overlay trees. The importer reads such a script's body when the
 * tree holds it and otherwise keeps the call as the body; the exporter then writes the call
 * back as the line (not as a script of its own, which would call itself), and validation says
 * the image must provide the script.
 */
import { lexExecline } from './read-tree-execline'
import type { Script } from './types'

/** Where oneshot scripts live in the image (s6-rc sources may hold only service folders). */
export const SCRIPTS_DIR = '/etc/s6-overlay/scripts'

export const OVERLAY_SCRIPTS = `${SCRIPTS_DIR}/`

/** The paths under /etc/s6-overlay/scripts/ a script's text names (helpers it calls), once each. */
export function scriptPathsIn(body: string): string[] {
  if (!body.includes(OVERLAY_SCRIPTS)) return []
  return [...new Set(body.match(/\/etc\/s6-overlay\/scripts\/[A-Za-z0-9._@%+=:,-]+/g))]
}

/** Path in the image of the script the export writes for a oneshot's `up` or `down`. */
export function oneshotScriptPath(name: string, action: 'up' | 'down'): string {
  return `${SCRIPTS_DIR}/${name}${action === 'down' ? '-down' : ''}`
}

/** The script an `up`/`down` line calls, when it is nothing but such a call. */
export function calledScript(
  words: readonly string[],
): { path: string; withContenv: boolean } | undefined {
  let rest = words
  let withContenv = false
  if (rest[0] === 'with-contenv' || rest[0] === '/command/with-contenv') {
    withContenv = true
    rest = rest.slice(1)
  }
  if (rest.length !== 1) return undefined
  const path = rest[0] as string
  if (!path.startsWith(OVERLAY_SCRIPTS) || path.length === OVERLAY_SCRIPTS.length) return undefined
  return { path, withContenv }
}

/**
 * The script a oneshot's execline `up`/`down` body does nothing but call, if that is all it
 * does (sh bodies are scripts of their own).
 */
export function scriptCallOf(script: Script): { path: string; withContenv: boolean } | undefined {
  if (script.language !== 'execline' || !script.body.includes(OVERLAY_SCRIPTS)) return undefined
  const lexed = lexExecline(script.body)
  return lexed.ok ? calledScript(lexed.words) : undefined
}
