/**
 * `s6-designer export GRAPH.json --out DIR|FILE.zip`: writes what the site's download gives,
 * with the file modes (0755 scripts, 0644 the rest) on disk or in the zip.
 */
import { chmod, lstat, readFile, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { zipFiles } from '../../lib/export/zip'
import { exportResult } from '../../lib/generate/export-files'
import { unsaidProblems } from '../../lib/generate/unsaid-problems'
import { createContext, inRootfs } from '../../lib/generate/context'
import type { FileMap, GeneratedFile } from '../../lib/generate/file-map'
import { SOURCE_DIR } from '../../lib/generate/service-dir'
import { parseGraph } from '../../lib/graph/parse'
import type { ServiceGraph } from '../../lib/graph/types'
import { validate } from '../../lib/graph/validate'
import type { Command } from '../command'
import { UsageError } from '../command'
import {
  InputError,
  STDIN_ARG,
  cannotWrite,
  displayPath,
  inputPath,
  makeDirs,
  mapInParallel,
  readJsonFile,
} from '../fs'
import { ownedFolders } from '../../lib/import/export-folders'
import {
  changedSinceExport,
  differingFiles,
  earlierExport,
  removeScripts,
  removeStale,
  staleScripts,
} from '../owned-folders'
import type { StaleResult } from '../owned-folders'
import { formatDiagnostics, onePositional, parseArgs } from '../tree-source'

const USAGE = `Usage: s6-designer export GRAPH.json --out DIR|FILE.zip [--force] [--replace]

Writes the export of a design (a graph .json file, or - for standard input): the s6-rc
source tree under <repoDir>/rootfs/, the Dockerfile stage, build.sh, README.md, the graph and
.gitattributes, all under the project's folder (repoDir, for example docker/s6). The design's
errors and warnings are printed on stderr, as lint prints them.

  --out DIR       write the files into DIR (created if needed). Into a folder that holds an
                  earlier export (its <repoDir>/s6-designer.json), files the export writes
                  are replaced; under rootfs/etc/s6-overlay, the s6-rc.d and user-bundles.d
                  folders are the export's own: whatever the earlier export left there is
                  removed, so a deleted service does not ship. Of scripts/, only the scripts
                  the earlier export wrote are removed. Other files are left alone.
                  Files changed since the earlier export (edited, added or replaced
                  by hand) are not written over: the export is refused, listing them,
                  unless --replace is given.
                  A folder that holds no earlier export but files the export would change
                  or remove (a hand-written setup) is refused: import it first to start
                  from it (s6-designer import), or give --replace.
  --out FILE.zip  write a zip instead (modes kept, same bytes for the same design); an
                  existing file that is not a zip is refused without --replace
  --force         write even when the design has errors (the exit status is still 1)
  --replace       replace and remove files no earlier export wrote, or changed since

Exit status: 0 written, 1 the design has errors (nothing written without --force),
2 usage or read/write problem, or files in the way (nothing written).`

/** Writes the files under `dir` with their modes; refuses any path that would leave it. */
export async function writeFileMap(dir: string, files: FileMap): Promise<void> {
  const root = resolve(dir)
  const targets: [string, GeneratedFile][] = []
  // Every folder to make, each with its parents up to the root.
  const folders = new Set<string>()
  for (const [path, file] of files) {
    const target = resolve(root, path)
    const rel = relative(root, target)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
      throw new InputError(`refusing to write ${path}: outside ${dir}`)
    targets.push([target, file])
    for (let d = dirname(target); d !== root && !folders.has(d); d = dirname(d)) folders.add(d)
  }
  await makeDirs(root)
  // A level of folders at a time, so that each folder's parent is there before it.
  const levels: string[][] = []
  for (const folder of folders) (levels[folder.split(sep).length] ??= []).push(folder)
  for (const level of levels) if (level) await mapInParallel(level, makeDirs)
  await mapInParallel(targets, async ([target, file]) => {
    await writeFile(target, file.contents)
    await chmod(target, file.executable ? 0o755 : 0o644)
  })
}

/**
 * Refuses, before anything is removed or written, an export whose files would be written
 * through a symbolic link inside `dir` (a link at README.md, or at rootfs/, say): it could
 * point anywhere, and the export would overwrite what is there.
 */
async function refuseLinks(dir: string, files: FileMap): Promise<void> {
  const root = resolve(dir)
  // Every path an export file goes through (folders and the file itself), looked at once.
  const steps = new Set<string>()
  for (const path of files.keys()) {
    for (let end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1))
      steps.add(path.slice(0, end))
    steps.add(path)
  }
  const list = [...steps]
  const linked = await mapInParallel(
    list,
    async (rel) => (await lstat(join(root, rel)).catch(() => undefined))?.isSymbolicLink() === true,
  )
  const links = new Set(list.filter((_, i) => linked[i]))
  if (links.size === 0) return
  for (const path of files.keys()) {
    const parts = path.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const link = parts.slice(0, i).join('/')
      if (links.has(link))
        throw new InputError(
          `refusing to write ${path}: ${link} in ${dir} is a symbolic link, and the export does not write through links (remove it, or export into another folder); nothing written`,
        )
    }
  }
}

/** Whether the file at `path` starts as a zip does (or is empty); false when it is missing. */
async function holdsOtherThanZip(path: string): Promise<boolean> {
  const bytes = await readFile(path).catch(() => undefined)
  if (bytes === undefined || bytes.length === 0) return false
  return !(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))
}

/**
 * Refuses, before anything is removed or written, an export that would replace or remove work
 * it did not write: in a folder with no earlier export (no s6-designer.json), any file it would
 * change or remove (a hand-written setup); over an earlier export (`earlier`, its files), the
 * files changed since (edited, added or replaced by hand). Either would be lost without a word.
 * `scripts`: the earlier export's scripts this one removes.
 */
async function refuseOverwrite(
  out: string,
  shown: string,
  graph: ServiceGraph,
  files: FileMap,
  earlier: FileMap | undefined,
  scripts: readonly string[],
): Promise<void> {
  const owned = ownedFolders(graph)
  let removed = (await removeStale(out, owned, files, [], { dryRun: true })).removed
  let changed = await differingFiles(out, files)
  if (earlier) {
    changed = await changedSinceExport(out, earlier, changed)
    removed = await changedSinceExport(out, earlier, [...removed, ...scripts])
  }
  if (removed.length + changed.length === 0) return
  const parts = [
    ...(changed.length > 0 ? [pathList('it would replace:', changed)] : []),
    ...(removed.length > 0 ? [pathList('it would remove:', removed)] : []),
  ]
  const [what, keep] = earlier
    ? [
        'changes made since its last export (its s6-designer.json does not have them)',
        `To make them part of the design, import the tree without the earlier design (s6-designer import ${join(shown, inRootfs(createContext(graph), SOURCE_DIR))} --out GRAPH.json)`,
      ]
    : [
        'files no export wrote (there is no s6-designer.json of an earlier export)',
        'To start from them, import the folder first (s6-designer import)',
      ]
  throw new InputError(
    `${shown} holds ${what}; nothing written.\n${parts.join('')}${keep}; to write over them, add --replace.`,
  )
}

async function writeZip(path: string, files: FileMap): Promise<number> {
  const bytes = await zipFiles(files)
  await makeDirs(dirname(path))
  await writeFile(path, bytes)
  return bytes.length
}

/** Paths listed after "removed N stale files" before "… and N more". */
const LIST_LIMIT = 20

/** `head`, then the first LIST_LIMIT paths, one a line, then how many more. */
function pathList(head: string, paths: readonly string[]): string {
  const lines = [head, ...paths.slice(0, LIST_LIMIT).map((p) => `  ${p}`)]
  if (paths.length > LIST_LIMIT) lines.push(`  … and ${paths.length - LIST_LIMIT} more`)
  return `${lines.join('\n')}\n`
}

/** What removeStale did, for stdout (removals) and stderr (folders it could not clean). */
function staleReport(
  stale: StaleResult,
  earlier: boolean,
  stdout: (t: string) => void,
  stderr: (t: string) => void,
) {
  if (stale.removed.length > 0) {
    const n = stale.files
    const what = earlier ? 'stale ' : ''
    const why = earlier ? 'left by an earlier export' : 'not in the design (--replace)'
    stdout(pathList(`removed ${n} ${what}file${n === 1 ? '' : 's'} ${why}:`, stale.removed))
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
    const parsed = parseArgs(args, { flags: ['--force', '--replace'], options: ['--out'] })
    const replace = parsed.flags.has('--replace')
    const graphArg = onePositional(parsed, 'GRAPH.json')
    const outs = parsed.options.get('--out') ?? []
    if (outs.length !== 1)
      throw new UsageError(
        outs.length === 0 ? 'missing --out DIR or --out FILE.zip' : 'give --out once',
      )
    if (outs[0] === STDIN_ARG)
      throw new UsageError(
        'export writes a folder or a zip: give --out DIR or --out FILE.zip, not -',
      )
    const out = resolve(cwd, outs[0] as string)
    const read = parseGraph(await readJsonFile(inputPath(cwd, graphArg), graphArg))
    if (!read.ok) {
      stderr(`s6-designer export: ${graphArg}: ${read.error}\n`)
      return 2
    }
    for (const note of read.notes) stderr(`note: ${note}\n`)
    const found = validate(read.graph)
    const errors = found.filter((d) => d.severity === 'error')
    const shown = found.filter((d) => d.severity !== 'info')
    if (shown.length > 0) stderr(formatDiagnostics(shown))
    if (errors.length > 0) {
      if (!parsed.flags.has('--force')) {
        stderr(
          `s6-designer export: ${errors.length} error${errors.length === 1 ? '' : 's'} in the design; nothing written (fix them, or use --force to write anyway)\n`,
        )
        return 1
      }
    }
    const { files, problems } = exportResult(read.graph)
    const fresh = unsaidProblems(found, problems)
    if (fresh.length > 0) stderr(formatDiagnostics(fresh))
    try {
      if (out.toLowerCase().endsWith('.zip')) {
        if ((await lstat(out).catch(() => undefined))?.isSymbolicLink())
          throw new InputError(
            `${displayPath(cwd, out)} is a symbolic link, and the export does not write through links (remove it, or give another path); nothing written`,
          )
        if (!replace && (await holdsOtherThanZip(out)))
          throw new InputError(
            `${displayPath(cwd, out)} exists and is not a zip; nothing written (add --replace to write over it)`,
          )
        const size = await writeZip(out, files)
        stdout(`wrote ${displayPath(cwd, out)} (${files.size} files, ${size} bytes)\n`)
      } else {
        await makeDirs(out)
        await refuseLinks(out, files)
        const owned = ownedFolders(read.graph)
        const earlier = await earlierExport(out, read.graph)
        const scripts = await staleScripts(out, read.graph, files, earlier)
        if (!replace)
          await refuseOverwrite(out, displayPath(cwd, out), read.graph, files, earlier, scripts)
        const stale = await removeStale(out, owned, files)
        await removeScripts(out, read.graph, scripts)
        stale.removed.push(...scripts)
        stale.files += scripts.length
        // Without --replace, all that goes is the earlier export's own (see refuseOverwrite).
        staleReport(stale, earlier !== undefined && !replace, stdout, stderr)
        await writeFileMap(out, files)
        stdout(`wrote ${files.size} files to ${displayPath(cwd, out)}\n`)
      }
    } catch (error) {
      throw cannotWrite(displayPath(cwd, out), error)
    }
    return errors.length > 0 ? 1 : 0
  },
}
