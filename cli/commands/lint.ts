import type { Command } from '../command'
import { UsageError } from '../command'
import {
  allDiagnostics,
  count,
  describeRead,
  formatDiagnostics,
  loadGraph,
  onePositional,
  parseArgs,
  reportNoSource,
  summaryLine,
} from '../tree-source'

const USAGE = `Usage: s6-designer lint DIR [--json] [--plain] [--max-warnings N]

Checks an s6-rc source the way s6-rc-compile and s6-overlay would: DIR is an s6-rc.d folder,
an image root holding etc/s6-overlay, or an s6 Designer export (a graph .json file works too;
- reads a graph or a zip from standard input).
In an export, the tree is checked, since it is what ships; its s6-designer.json is only
compared with it, and a warning lists where they differ.

  --json             print {"errors", "warnings", "diagnostics": [...]} instead of text
  --plain            bare s6-rc: base, user, top… are ordinary names, not s6-overlay's
  --max-warnings N   also exit 1 when there are more than N warnings (0: any warning fails)

Exit status: 0 no errors (and no more than N warnings), 1 errors found (or more than N
warnings), 2 usage or read problem, or no s6 services found.`

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check an s6-rc.d tree (or image root) like s6-rc-compile would',
  usage: USAGE,
  run: async ({ args, stdout, stderr, cwd }) => {
    const parsed = parseArgs(args, { flags: ['--json', '--plain'], options: ['--max-warnings'] })
    const dir = onePositional(parsed, 'DIR')
    const max = parsed.options.get('--max-warnings')?.at(-1)
    if (max !== undefined && !/^\d+$/.test(max))
      throw new UsageError(`--max-warnings takes a whole number, not ${max}`)
    const context = parsed.flags.has('--plain') ? 'plain' : 'overlay'
    const loaded = await loadGraph(cwd, dir, { context, graphFiles: true, preferTree: true })
    if (reportNoSource(loaded, `s6-designer lint: ${dir}: no s6 services to check`, stderr))
      return 2
    const diagnostics = allDiagnostics(loaded, context)
    const errors = count(diagnostics, 'error')
    const warnings = count(diagnostics, 'warning')
    const tooMany = max !== undefined && warnings > Number(max)
    if (parsed.flags.has('--json')) {
      const out = {
        errors,
        warnings,
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          service: d.service ?? null,
          file: d.file ?? null,
          path: d.path ?? null,
          message: d.message,
          fix: d.fix ?? null,
        })),
      }
      stdout(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      stdout(
        `${describeRead(loaded, dir)}\n\n${formatDiagnostics(diagnostics, loaded.report?.sourceDir)}`,
      )
      stdout(`${diagnostics.length > 0 ? '\n' : ''}${summaryLine(diagnostics)}\n`)
      if (tooMany) stdout(`more than ${max} warning${max === '1' ? '' : 's'} (--max-warnings)\n`)
    }
    return errors > 0 || tooMany ? 1 : 0
  },
}
