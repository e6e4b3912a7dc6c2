/** The one-line account of an import that the UI and the CLI print first. */
import type { ReadReport } from '../graph/read-tree'
import type { Diagnostic, ServiceGraph } from '../graph/types'

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "5 services and 2 bundles" (the user bundle included). */
export function countServices(graph: ServiceGraph): string {
  const all = Object.values(graph.services)
  const bundles = all.filter((s) => s.type === 'bundle').length
  return `${plural(all.length - bundles, 'service')} and ${plural(bundles, 'bundle')}`
}

/**
 * "app.zip: 5 services and 2 bundles read from etc/s6-overlay/s6-rc.d; 4 paths converted,
 * 3 ignored (see the report). 0 errors, 2 warnings."
 */
export function importSummary(
  subject: string,
  graph: ServiceGraph,
  report: ReadReport,
  diagnostics: readonly Diagnostic[],
): string {
  const from =
    report.graphFile ??
    [report.sourceDir, report.userBundlesDir, report.rootfsDir]
      .filter((d) => d !== undefined)
      .map((d) => d || '.')[0]
  const head = `${subject}: ${countServices(graph)}${from !== undefined ? ` read from ${from}` : ''}`
  const tally = (['converted', 'kept', 'ignored'] as const)
    .map((a) => [a, report.entries.filter((e) => e.action === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} ${a === 'kept' ? 'kept verbatim' : a}`)
  const paths = tally.length > 0 ? `; paths: ${tally.join(', ')} (see the report)` : ''
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length
  return `${head}${paths}. ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`
}
