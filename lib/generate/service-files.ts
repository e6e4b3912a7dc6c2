/**
 * Small writers shared by the service-folder generators: LF-only text files, marker folders,
 * decimal files and name lists, each checking its input and reporting what it leaves out.
 */
import type { ServiceName } from '../graph/types'
import { join, report } from './context'
import type { ExportContext } from './context'
import { lines, toLf } from './file-map'
import type { FileMap, GeneratedFile } from './file-map'
import { isSafeName } from './safe-path'

const UINT32_MAX = 4294967295

/** Adds a text file; CR is converted to LF (and reported) so every file is LF-only. */
export function put(
  ctx: ExportContext,
  files: FileMap,
  path: string,
  contents: string,
  executable = false,
  service?: ServiceName,
): void {
  if (contents.includes('\r')) {
    report(
      ctx,
      'export-crlf',
      'warning',
      `${path} had carriage returns (CR or CRLF line endings); they were written as LF.`,
      {
        service,
        fix: 'Write scripts with LF line endings.',
      },
    )
    contents = toLf(contents)
  }
  files.set(path, { contents, executable })
}

/** Reports a script body or check that holds CR (it is written with LF, see `bodyLines`). */
export function noteCr(
  ctx: ExportContext,
  service: ServiceName,
  field: string,
  body: string,
): void {
  if (!body.includes('\r')) return
  report(
    ctx,
    'export-crlf',
    'warning',
    `${service}'s ${field} had carriage returns (CR or CRLF line endings); it was written with LF.`,
    { service, field, fix: 'Write scripts with LF line endings.' },
  )
}

/** The safe names of a list, sorted and once each; unsafe ones are reported and left out. */
export function safeNames(
  ctx: ExportContext,
  owner: ServiceName,
  field: string,
  names: readonly string[],
): string[] {
  const out = new Set<string>()
  for (const n of names) {
    if (isSafeName(n)) out.add(n)
    else {
      report(
        ctx,
        'export-unsafe-name',
        'error',
        `${owner}'s ${field} lists ${JSON.stringify(n)}, which cannot be a file name; it was left out.`,
        {
          service: owner,
          field,
        },
      )
    }
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** An empty file (markers, flags); one object for all of them (a big export has tens of thousands). */
export const EMPTY_FILE: GeneratedFile = Object.freeze({ contents: '', executable: false })

/** A marker file per name in `<dir>/<sub>/` (dependencies.d, contents.d), empty files. */
export function markers(files: FileMap, dir: string, names: readonly string[]): void {
  for (const n of names) files.set(join(dir, n), EMPTY_FILE)
}

/** A decimal file (`timeout-up`, `notification-fd`…) when the value is set and valid. */
export function numberFile(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  owner: ServiceName,
  file: string,
  field: string,
  value: number | undefined,
): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) {
    report(
      ctx,
      'export-invalid-number',
      'error',
      `${owner}'s ${field} (${String(value)}) is not a whole number from 0 to ${UINT32_MAX}; ${file} was left out.`,
      {
        service: owner,
        field,
        file,
      },
    )
    return
  }
  files.set(join(dir, file), { contents: lines([String(value)]), executable: false })
}

/** A file holding names, one per line (`producer-for`, `consumer-for`, `pipeline-name`). */
export function namesFile(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  owner: ServiceName,
  file: string,
  field: string,
  names: readonly string[],
): void {
  const safe = safeNames(ctx, owner, field, names)
  if (safe.length > 0) files.set(join(dir, file), { contents: lines(safe), executable: false })
}
