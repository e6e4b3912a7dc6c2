import type { Diagnostic } from '../graph/types'

/**
 * The export's problems that validation has not reported already: a problem both see (a
 * health-check URL the probe cannot take, say) is said once, in validation's words. The same
 * code about the same service counts as the same problem.
 */
export function unsaidProblems(
  found: readonly Diagnostic[],
  problems: readonly Diagnostic[],
): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}|${d.service ?? ''}`
  const said = new Set(found.map(key))
  return problems.filter((d) => !said.has(key(d)))
}
