/**
 * `s6-designer export GRAPH.json --out DIR|FILE.zip`: writes what the site's download gives,
 * with the file modes (0755 scripts, 0644 the rest) on disk or in the zip.
 */
import { chmod, lstat, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { zipFiles } from '../../lib/export/zip'
import { exportResult } from '../../lib/generate/export-files'
import type { FileMap } from '../../lib/generate/file-map'
import { parseGraph } from '../../lib/graph/parse'
import { validate } from '../../lib/graph/validate'
import type { Command } from '../command'
import { UsageError } from '../command'
import { InputError, displayPath, makeDirs, readJsonFile } from '../fs'
import { ownedFolders } from '../../lib/import/export-folders'
import { removeScripts, removeStale, staleScripts } from '../owned-folders'
import type { StaleResult } from '../owned-folders'
import { formatDiagnostics, onePositional, parseArgs } from '../tree-source'

const USAGE = `Usage: s6-designer export GRAPH.json --out DIR|FILE.zip [--force]

Writes the export of a design (a graph .json file): the s6-rc source tree under
<repoDir>/rootfs/, the Dockerfile stage, build.sh, README.md, the graph and .gitattributes,
all under the project's folder (repoDir, for example docker/s6).

  --out DIR       write the files into DIR (created if needed). Files the export writes are
                  replaced; under rootfs/etc/s6-overlay, the s6-rc.d and user-bundles.d
                  folders are the export's own: whatever an earlier export left there is
                  removed, so a deleted service does not ship. Of scripts/, only the scripts
                  the earlier export wrote (its s6-designer.json says which) are removed.
                  Other files are left alone.
  --out FILE.zip  write a zip instead (modes kept, same bytes for the same design)
  --force         write even when the design has errors (the exit status is still 1)

Exit status: 0 written, 1 the design has errors (nothing written without --force),
2 usage or read/write problem.`

/** Writes the files under `dir` with their modes; refuses any path that would leave it. */
export async function writeFileMap(dir: string, files: FileMap): Promise<void> {
  const root = resolve(dir)
  const made = new Set<string>()
  for (const [path, file] of files) {
    const target = resolve(root, path)
    const rel = relative(root, target)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
      throw new InputError(`refusing to write ${path}: outside ${dir}`)
    if (!made.has(dirname(target))) await makeDirs(dirname(target))
    made.add(dirname(target))
    await writeFile(target, file.contents)
    await chmod(target, file.executable ? 0o755 : 0o644)
  }
}

/**
 * Refuses, before anything is removed or written, an export whose files would be written
 * through a symbolic link inside `dir` (a link at README.md, or at rootfs/, say): it could
 * point anywhere, and the export would overwrite what is there.
 */
async function refuseLinks(dir: string, files: FileMap): Promise<void> {
  const root = resolve(dir)
  const clean = new Set<string>()
  const isLink = async (rel: string) =>
    (await lstat(join(root, rel)).catch(() => undefined))?.isSymbolicLink() === true
  for (const path of files.keys()) {
    const parts = path.split('/')
    let link: string | undefined
    for (let i = 1; i <= parts.length && link === undefined; i++) {
      const rel = parts.slice(0, i).join('/')
      if (clean.has(rel)) continue
      if (await isLink(rel)) link = rel
      else if (i < parts.length) clean.add(rel)
    }
    if (link !== undefined)
      throw new InputError(
        `refusing to write ${path}: ${link} in ${dir} is a symbolic link, and the export does not write through links (remove it, or export into another folder); nothing written`,
      )
  }
}

async function writeZip(path: string, files: FileMap): Promise<number> {
  const bytes = await zipFiles(files)
  await makeDirs(dirname(path))
  await writeFile(path, bytes)
  return bytes.length
}

/** Paths listed after "removed N stale files" before "… and N more". */
const LIST_LIMIT = 20

/** What removeStale did, for stdout (removals) and stderr (folders it could not clean). */
function staleReport(stale: StaleResult, stdout: (t: string) => void, stderr: (t: string) => void) {
  if (stale.removed.length > 0) {
    const n = stale.files
    const lines = [
      `removed ${n} stale file${n === 1 ? '' : 's'} left by an earlier export:`,
      ...stale.removed.slice(0, LIST_LIMIT).map((p) => `  ${p}`),
    ]
    if (stale.removed.length > LIST_LIMIT)
      lines.push(`  … and ${stale.removed.length - LIST_LIMIT} more`)
    stdout(`${lines.join('\n')}\n`)
  }
  for (const folder of stale.skipped)
    stderr(
      `warning: ${folder} was not cleaned (a folder on the way to it is a symbolic link); files an earlier export left there remain\n`,
    )
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the s6-rc tree, Dockerfile stage, build script and README of a design',
  usage: USAGE,
  run: async ({ args, stdout, stderr, cwd }) => {
    const parsed = parseArgs(args, { flags: ['--force'], options: ['--out'] })
    const graphArg = onePositional(parsed, 'GRAPH.json')
    const outs = parsed.options.get('--out') ?? []
    if (outs.length !== 1)
      throw new UsageError(
        outs.length === 0 ? 'missing --out DIR or --out FILE.zip' : 'give --out once',
      )
    const out = resolve(cwd, outs[0] as string)
    const read = parseGraph(await readJsonFile(resolve(cwd, graphArg)))
    if (!read.ok) {
      stderr(`s6-designer export: ${graphArg}: ${read.error}\n`)
      return 2
    }
    for (const note of read.notes) stderr(`note: ${note}\n`)
    const errors = validate(read.graph).filter((d) => d.severity === 'error')
    if (errors.length > 0) {
      stderr(formatDiagnostics(errors))
      if (!parsed.flags.has('--force')) {
        stderr(
          `s6-designer export: ${errors.length} error${errors.length === 1 ? '' : 's'} in the design; nothing written (fix them, or use --force to write anyway)\n`,
        )
        return 1
      }
    }
    const { files, problems } = exportResult(read.graph)
    if (problems.length > 0) stderr(formatDiagnostics(problems))
    try {
      if (out.toLowerCase().endsWith('.zip')) {
        const size = await writeZip(out, files)
        stdout(`wrote ${displayPath(cwd, out)} (${files.size} files, ${size} bytes)\n`)
      } else {
        await makeDirs(out)
        await refuseLinks(out, files)
        const owned = ownedFolders(read.graph)
        const scripts = await staleScripts(out, read.graph, files)
        const stale = await removeStale(out, owned, files)
        await removeScripts(out, read.graph, scripts)
        stale.removed.push(...scripts)
        stale.files += scripts.length
        staleReport(stale, stdout, stderr)
        await writeFileMap(out, files)
        stdout(`wrote ${files.size} files to ${displayPath(cwd, out)}\n`)
      }
    } catch (error) {
      if (error instanceof InputError) throw error
      throw new InputError(
        `cannot write ${displayPath(cwd, out)}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
    return errors.length > 0 ? 1 : 0
  },
}
