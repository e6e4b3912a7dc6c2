import type { Command } from '../command'
import {
  allDiagnostics,
  count,
  describeRead,
  formatDiagnostics,
  loadGraph,
  onePositional,
  parseArgs,
  summaryLine,
} from '../tree-source'

const USAGE = `Usage: s6-designer lint DIR [--json] [--plain]

Checks an s6-rc source the way s6-rc-compile and s6-overlay would: DIR is an s6-rc.d folder,
an image root holding etc/s6-overlay, or an s6 Designer export (a graph .json file works too;
- reads a graph or a zip from standard input).
In an export, the tree is checked, since it is what ships; its s6-designer.json is only
compared with it, and a warning lists where they differ.

  --json   print {"errors", "warnings", "diagnostics": [...]} instead of text
  --plain  bare s6-rc: base, user, top… are ordinary names, not s6-overlay's

Exit status: 0 no errors, 1 errors found, 2 usage or read problem.`

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check an s6-rc.d tree (or image root) like s6-rc-compile would',
  usage: USAGE,
  run: async ({ args, stdout, cwd }) => {
    const parsed = parseArgs(args, { flags: ['--json', '--plain'] })
    const dir = onePositional(parsed, 'DIR')
    const context = parsed.flags.has('--plain') ? 'plain' : 'overlay'
    const loaded = await loadGraph(cwd, dir, { context, graphFiles: true, preferTree: true })
    const diagnostics = allDiagnostics(loaded, context)
    const errors = count(diagnostics, 'error')
    if (parsed.flags.has('--json')) {
      const out = {
        errors,
        warnings: count(diagnostics, 'warning'),
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          service: d.service ?? null,
          file: d.file ?? null,
          message: d.message,
          fix: d.fix ?? null,
        })),
      }
      stdout(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      stdout(`${describeRead(loaded, dir)}\n\n${formatDiagnostics(diagnostics)}`)
      stdout(`${diagnostics.length > 0 ? '\n' : ''}${summaryLine(diagnostics)}\n`)
    }
    return errors > 0 ? 1 : 0
  },
}
