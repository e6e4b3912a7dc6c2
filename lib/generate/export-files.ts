/**
 * The whole export of a graph: the s6-rc source tree under `rootfs/`, the Dockerfile stage,
 * build.sh, the README, the graph itself and a .gitattributes, all under the project's folder
 * (`repoDir`, for example docker/s6), as a FileMap sorted by path.
 *
 * Unsafe input never leaves the export root and never throws: a service whose name cannot be
 * a folder (`..`, `/`, a control character…) is left out, and so is any value that cannot be
 * written faithfully; each such case is a problem `exportProblems` returns (codes `export-*`).
 */
import { serializeGraph } from '../graph/parse'
import type { Diagnostic, ServiceGraph } from '../graph/types'
import { buildScriptText } from './build-script'
import { createContext, inRepo, report } from './context'
import type { ExportContext } from './context'
import { dockerfileText } from './dockerfile'
import { FileGroups, lines } from './file-map'
import type { FileMap } from './file-map'
import { readmeText } from './readme/readme'
import { redactSecrets } from './redact'
import { addSourceTree } from './source-tree'

export { redactSecrets } from './redact'

export interface ExportResult {
  files: FileMap
  /** What was left out or changed on the way, with the reason. */
  problems: Diagnostic[]
}

/** Runs one generator; when it throws, its file is left out and the failure reported. */
function attempt(ctx: ExportContext, what: string, make: () => string): string | undefined {
  try {
    return make()
  } catch (error) {
    report(
      ctx,
      'export-file-failed',
      'error',
      `${what} could not be written (${error instanceof Error ? error.message : String(error)}); it was left out.`,
      {
        fix: 'Check the design for missing fields; report the problem if it persists.',
      },
    )
    return undefined
  }
}

function build(graph: ServiceGraph): ExportResult {
  const ctx = createContext(graph)
  const files = new FileGroups()
  addSourceTree(ctx, files)
  const add = (name: string, make: () => string, executable = false) => {
    const contents = attempt(ctx, name, make)
    if (contents !== undefined) files.set(inRepo(ctx, name), { contents, executable })
  }
  add('Dockerfile', () => dockerfileText(ctx, files))
  add('build.sh', () => buildScriptText(ctx), true)
  add('s6-designer.json', () => serializeGraph(redactSecrets(graph)))
  files.set(inRepo(ctx, '.gitattributes'), {
    contents: lines(['* text eol=lf']),
    executable: false,
  })
  add('README.md', () => readmeText(ctx, files))
  return { files: files.sorted(), problems: ctx.problems }
}

/**
 * Files and problems in one pass.
 *
 * @example
 * const { files, problems } = exportResult(graph)
 * files.get('docker/s6/build.sh')?.executable // true
 */
export function exportResult(graph: ServiceGraph): ExportResult {
  try {
    return build(graph)
  } catch (error) {
    return {
      files: new Map(),
      problems: [
        {
          code: 'export-failed',
          severity: 'error',
          message: `The export failed: ${error instanceof Error ? error.message : String(error)}.`,
          fix: 'Check the design for errors first; report the problem if it persists.',
        },
      ],
    }
  }
}

/** Every file of the export, sorted by path. Never throws; see `exportProblems`. */
export function exportFiles(graph: ServiceGraph): FileMap {
  return exportResult(graph).files
}

/** What `exportFiles` left out or changed for this graph, and why. */
export function exportProblems(graph: ServiceGraph): Diagnostic[] {
  return exportResult(graph).problems
}
