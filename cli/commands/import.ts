import { resolve } from 'node:path'
import { serializeGraph } from '../../lib/graph/parse'
import type { ReadReport } from '../../lib/graph/read-tree'
import type { Command } from '../command'
import { UsageError } from '../command'
import { STDIN_ARG, checkOutFile, displayPath, writeTextFile } from '../fs'
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

const USAGE = `Usage: s6-designer import PATH [--out GRAPH.json [--replace]] [--plain] [--name NAME]

Reads PATH into a graph file the designer opens. PATH is a folder or a zip of one (an s6-rc.d,
an image root holding etc/s6-overlay, an s6-overlay v2 image root with etc/cont-init.d and
etc/services.d, which are converted, or an s6 Designer export), or a graph JSON file; - reads
a zip or a graph from standard input.
Archives are checked before anything is read: unsafe paths, links, oversized or non-text
files make the import refuse. Without --out (or with --out -) the graph is printed and the
report goes to stderr.

  --out FILE  write the graph there (its folder is created); an existing file is left alone
  --replace   replace the --out file if it exists (as export's --replace)
  --plain     bare s6-rc: base, user, top… are ordinary names, not s6-overlay's
  --name NAME project name (default: the folder's name)

Exit status: 0 imported, 1 imported but the tree has errors, 2 usage problem, unreadable or
refused input.`

/** Paths listed per action before "… and N more". */
const LIST_LIMIT = 40

function formatReport(report: ReadReport): string {
  const lines: string[] = []
  const unusual = report.entries.filter((e) => e.action !== 'read')
  for (const e of unusual.slice(0, LIST_LIMIT))
    lines.push(`  ${e.action.padEnd(9)}  ${e.path}  ${e.note}`)
  if (unusual.length > LIST_LIMIT) lines.push(`  … and ${unusual.length - LIST_LIMIT} more`)
  const tally = (['read', 'converted', 'kept', 'ignored'] as const)
    .map((a) => `${report.entries.filter((e) => e.action === a).length} ${a}`)
    .join(', ')
  lines.push(`Paths: ${tally}.`)
  if (report.projectDefaults)
    lines.push(
      'Project settings (s6-overlay version, base image, S6_* settings, container env, ports, health check) are the defaults: an s6-rc tree does not hold them. Check them in the graph file or the designer.',
    )
  return `${lines.join('\n')}\n`
}

export const importCommand: Command = {
  name: 'import',
  summary: 'read an s6-rc.d tree, image root, zip or v2 tree into a graph file',
  usage: USAGE,
  run: async ({ args, stdout, stderr, cwd }) => {
    const parsed = parseArgs(args, {
      flags: ['--plain', '--replace'],
      options: ['--out', '--name'],
    })
    const path = onePositional(parsed, 'PATH')
    const context = parsed.flags.has('--plain') ? 'plain' : 'overlay'
    const outArg = parsed.options.get('--out')?.at(-1)
    // --out - is standard output, as without --out.
    const out = outArg === STDIN_ARG ? undefined : outArg
    const name = parsed.options.get('--name')?.at(-1)
    const replace = parsed.flags.has('--replace')
    if (replace && out === undefined)
      throw new UsageError('--replace replaces the --out file; give --out')
    if (out !== undefined) await checkOutFile(resolve(cwd, out), out, replace)
    const loaded = await loadGraph(cwd, path, { context, graphFiles: true, strict: true })
    if (name !== undefined)
      loaded.graph = { ...loaded.graph, project: { ...loaded.graph.project, name } }
    const diagnostics = allDiagnostics(loaded, context)
    const errors = count(diagnostics, 'error')
    const say = out === undefined ? stderr : stdout
    say(`${describeRead(loaded, path)}\n`)
    if (loaded.report) say(formatReport(loaded.report))
    if (diagnostics.length > 0) say(`\n${formatDiagnostics(diagnostics, loaded.report?.sourceDir)}`)
    say(`${summaryLine(diagnostics)}\n`)
    const text = serializeGraph(loaded.graph)
    if (out === undefined) stdout(text)
    else {
      await writeTextFile(resolve(cwd, out), text, { replace, name: out })
      say(`Wrote ${displayPath(cwd, out)}.\n`)
    }
    if (errors > 0) {
      say(
        `The graph was written, but it has ${errors === 1 ? 'an error' : `${errors} errors`} (above) to fix before it can be exported; fix ${errors === 1 ? 'it' : 'them'} in the designer or the graph file.\n`,
      )
      return 1
    }
    return 0
  },
}
