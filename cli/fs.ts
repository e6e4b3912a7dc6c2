/**
 * Disk access for the CLI: a folder into a TreeInput (bytes, empty folders, exec bits; symbolic
 * links read through, as s6-rc-compile does, and noted when they lead nowhere), and JSON in and
 * out.
 */
import { constants } from 'node:fs'
import {
  access,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  stat,
  writeFile,
} from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileRecord } from '../lib/graph/tree-input'
import type { TreeInput } from '../lib/graph/tree-input'
import { IMPORT_LIMITS, formatBytes } from '../lib/import/limits'

/** A problem with the files themselves (missing, not a folder, too big): exit code 2. */
export class InputError extends Error {}

/**
 * Limits that keep the CLI from reading a whole image by mistake: as many files as an import
 * takes (the export of the largest design the designer holds, 5,000 services, is about 35,000).
 */
export const READ_LIMITS = { maxFiles: IMPORT_LIMITS.maxEntries, maxBytes: 64 * 1024 * 1024 }

/** Files worked on at once: enough to keep the disk busy, few enough for the open-file limit. */
const AT_ONCE = 32

/**
 * `fn` of each item, AT_ONCE at a time, the results in the items' order (a folder of 30,000
 * files read or written one await at a time spent most of its time waiting). After a failure
 * no new item is started, and the first failure is thrown.
 */
export async function mapInParallel<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++
      try {
        out[i] = await fn(items[i] as T)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, items.length) }, worker))
  return out
}

/** Folder names never descended into (tooling, not image content). */
const SKIP_DIRS = new Set(['.git', 'node_modules'])

/** Path segments that mark what readTree reads; elsewhere contents are left unread. */
const INTERESTING =
  /(^|\/)(s6-overlay|s6-rc\.d|cont-init\.d|cont-finish\.d|services\.d|fix-attrs\.d)(\/|$)|s6-designer\.json$/

interface Walked {
  files: { rel: string; abs: string; size: number; executable: boolean }[]
  dirs: string[]
  symlinks: string[]
}

/**
 * Lists the folder. A symbolic link is followed, as s6-rc-compile follows it (a `run` linked to
 * a shared script, a service folder linked from elsewhere): to a file, it is that file; to a
 * folder, that folder is walked. Not followed, and noted in `symlinks`: a link that leads
 * nowhere, up to a folder holding it (it would be walked forever, or, above the folder read,
 * read everything around it), into a folder the walk came through by a link already (two
 * folders linking to each other would be walked in turn forever), or, unless
 * `outside`, out of the folder read (an import keeps what it reads, and a link in a tree from
 * elsewhere must not bring, say, a key file of this machine into a design that gets shared).
 */
async function walk(root: string, outside: boolean): Promise<Walked> {
  const out: Walked = { files: [], dirs: [], symlinks: [] }
  // Each folder to walk, with the link targets the walk came through to reach it.
  const pending: { dir: string; through: readonly string[] }[] = [{ dir: '', through: [] }]
  const top = await realpath(root)
  const holds = (folder: string, path: string) =>
    path === folder || path.startsWith(`${folder}${sep}`)
  const addFile = (rel: string, abs: string, st: { size: number; mode: number }) => {
    out.files.push({ rel, abs, size: st.size, executable: (st.mode & 0o111) !== 0 })
    if (out.files.length > READ_LIMITS.maxFiles * 10) {
      throw new InputError(
        `${root} holds more than ${(READ_LIMITS.maxFiles * 10).toLocaleString('en')} files; point at the s6-rc.d folder or the image root instead.`,
      )
    }
  }
  while (pending.length > 0) {
    const { dir, through } = pending.pop()!
    const entries = await readdir(join(root, dir), { withFileTypes: true })
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`
      const abs = join(root, rel)
      if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue
      if (entry.isSymbolicLink()) {
        const target = await stat(abs).catch(() => undefined)
        const real = target ? await realpath(abs) : ''
        if (!target || (!outside && !real.startsWith(`${top}${sep}`))) out.symlinks.push(rel)
        else if (target.isFile()) addFile(rel, abs, target)
        else if (target.isDirectory()) {
          const here = await realpath(join(root, dir))
          if (holds(real, here) || through.some((t) => holds(real, t))) {
            out.symlinks.push(rel)
            continue
          }
          out.dirs.push(rel)
          pending.push({ dir: rel, through: [...through, real] })
        } else out.symlinks.push(rel)
      } else if (entry.isDirectory()) {
        out.dirs.push(rel)
        pending.push({ dir: rel, through })
      } else if (entry.isFile()) addFile(rel, abs, await lstat(abs))
    }
  }
  return out
}

/**
 * Reads a folder recursively into a TreeInput. In a big tree (a whole image root) only the
 * files under s6 folders are read; the rest is listed by name only.
 */
export async function readTreeInput(
  path: string,
  { outside = false }: { outside?: boolean } = {},
): Promise<TreeInput> {
  const root = resolve(path)
  const st = await stat(root).catch(() => undefined)
  if (!st) throw new InputError(`${path}: no such file or folder`)
  if (!st.isDirectory()) throw new InputError(`${path}: not a folder`)
  const walked = await walk(root, outside)
  const focused = walked.files.some((f) => INTERESTING.test(f.rel))
  const chosen = focused ? walked.files.filter((f) => INTERESTING.test(f.rel)) : walked.files
  const total = chosen.reduce((n, f) => n + f.size, 0)
  if (chosen.length > READ_LIMITS.maxFiles || total > READ_LIMITS.maxBytes) {
    throw new InputError(
      `${path} is too big to read (${chosen.length.toLocaleString('en')} files, ${formatBytes(total)}; a read takes at most ${READ_LIMITS.maxFiles.toLocaleString('en')} files and ${formatBytes(READ_LIMITS.maxBytes)}); point at the s6-rc.d folder or the image root instead.`,
    )
  }
  const files = fileRecord()
  const bytes = await mapInParallel(chosen, (f) => readFile(f.abs))
  chosen.forEach((f, i) => (files[f.rel] = new Uint8Array(bytes[i] as Buffer)))
  return {
    files,
    dirs: walked.dirs,
    symlinks: walked.symlinks,
    executables: chosen.filter((f) => f.executable).map((f) => f.rel),
  }
}

/** The argument that stands for standard input where a file is read. */
export const STDIN_ARG = '-'

/** Reads standard input whole. */
export type StdinReader = () => Promise<Uint8Array>

function tooBig(): InputError {
  const limit = formatBytes(IMPORT_LIMITS.maxInputBytes)
  return new InputError(`standard input holds more than the ${limit} a read takes`)
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > IMPORT_LIMITS.maxInputBytes) throw tooBig()
    chunks.push(chunk)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

let stdin: StdinReader = readProcessStdin

/**
 * Sets where `-` reads from for the command about to run (main calls it): the process's
 * standard input unless `read` is given.
 */
export function setStdin(read: StdinReader | undefined): void {
  stdin = read ?? readProcessStdin
}

/** The path a command reads for argument `arg`: `-` (standard input) as it is, else resolved. */
export function inputPath(cwd: string, arg: string): string {
  return arg === STDIN_ARG ? STDIN_ARG : resolve(cwd, arg)
}

/** All of standard input, up to the import's size limit; InputError beyond it or when empty. */
export async function readStdin(): Promise<Uint8Array> {
  const bytes = await stdin().catch((error: unknown) => {
    throw error instanceof InputError
      ? error
      : new InputError(`standard input cannot be read (${code(error)})`)
  })
  if (bytes.length > IMPORT_LIMITS.maxInputBytes) throw tooBig()
  if (bytes.length === 0) throw new InputError('standard input is empty')
  return bytes
}

/** Parses JSON text (a leading BOM is skipped); InputError naming `name` when it is not JSON. */
export function parseJsonText(text: string, name: string): unknown {
  try {
    // A byte-order mark is no JSON, but Notepad and some editors on Windows write one.
    return JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (error) {
    throw new InputError(
      `${name}: not JSON (${error instanceof Error ? error.message : String(error)})`,
    )
  }
}

/** Why a file cannot be read, in words, for the errors readFile gives most. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
}

/**
 * What to say about a folder given where a graph file belongs: the export's s6-designer.json
 * when the folder holds one, else the commands that read folders.
 */
async function folderMessage(path: string, name: string): Promise<string> {
  const graphFile = join(path, 's6-designer.json')
  const exported = (await stat(graphFile).catch(() => undefined))?.isFile() === true
  const hint = exported
    ? `give ${join(name, 's6-designer.json')}, the design an export keeps`
    : `give the design's graph .json file, or make one from an s6-rc tree with s6-designer import ${name} --out GRAPH.json (lint and plan read such folders as they are)`
  return `${name} is a folder, not a graph .json file: ${hint}`
}

/**
 * Reads and parses a JSON file (a leading BOM is skipped), or standard input for `-`;
 * InputError when missing, a folder or not JSON. `name` is the path as the messages say it (by
 * default `path`).
 */
export async function readJsonFile(path: string, name = path): Promise<unknown> {
  if (path === STDIN_ARG)
    return parseJsonText(new TextDecoder().decode(await readStdin()), 'standard input')
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (code(error) === 'EISDIR') throw new InputError(await folderMessage(path, name))
    throw new InputError(`${name}: cannot be read (${READ_ERRORS[code(error)] ?? code(error)})`)
  }
  return parseJsonText(text, name)
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}

/** mkdir's errors in words (ENOENT there means the file system, /proc say, refuses folders). */
const MKDIR_ERRORS: Record<string, string> = {
  ENOENT: 'this file system does not allow new folders there',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'part of the path is not a folder',
}

/** A write's errors in words (the folder exists by then: ENOENT means the file system refuses). */
const WRITE_ERRORS: Record<string, string> = {
  ...MKDIR_ERRORS,
  ENOENT: 'this file system does not allow new files there',
  EISDIR: 'it is a folder',
}

/** The error to report when writing `name` failed with `error`: its reason in words. */
export function cannotWrite(name: string, error: unknown): InputError {
  if (error instanceof InputError) return error
  const c = code(error)
  return new InputError(`cannot write ${name}: ${WRITE_ERRORS[c] ?? c}`)
}

/**
 * Creates `path` and its missing parents one at a time. Not `mkdir({ recursive: true })`: on
 * Node 20 that spins forever where a folder cannot be made (/proc/x). The nearest existing
 * folder is checked first, so the message names what is wrong rather than an errno.
 */
export async function makeDirs(path: string): Promise<void> {
  const missing: string[] = []
  let at = resolve(path)
  for (;;) {
    const st = await stat(at).catch((error: unknown) => {
      if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') return undefined
      throw new InputError(`cannot create ${path}: ${at} cannot be read (${code(error)})`)
    })
    if (st) {
      if (!st.isDirectory()) throw new InputError(`cannot create ${path}: ${at} is not a folder`)
      if (missing.length > 0) {
        await access(at, constants.W_OK).catch(() => {
          throw new InputError(`cannot create ${path}: ${at} is not writable`)
        })
      }
      break
    }
    missing.push(at)
    if (dirname(at) === at) break
    at = dirname(at)
  }
  for (const dir of missing.reverse()) {
    await mkdir(dir).catch((error: unknown) => {
      if (code(error) !== 'EEXIST')
        throw new InputError(
          `cannot create the folder ${dir}: ${MKDIR_ERRORS[code(error)] ?? code(error)}`,
        )
    })
  }
}

/**
 * Refuses, before any work, an output file that is a folder, or that exists when `replace` is not
 * set. `name` is the path as given, for the messages.
 */
export async function checkOutFile(path: string, name: string, replace: boolean): Promise<void> {
  const st = await stat(path).catch(() => undefined)
  if (st?.isDirectory())
    throw new InputError(`${name} is a folder; give --out the graph file to write`)
  if (st && !replace) throw new InputError(`${name} already exists; add --replace to replace it`)
}

/**
 * Writes a text file, creating its folder. With `replace: false` an existing file is left alone
 * (InputError), even one that appeared since checkOutFile looked.
 */
export async function writeTextFile(
  path: string,
  text: string,
  { replace = true, name = path }: { replace?: boolean; name?: string } = {},
): Promise<void> {
  await makeDirs(dirname(path))
  await writeFile(path, text, { flag: replace ? 'w' : 'wx' }).catch((error: unknown) => {
    if (code(error) === 'EEXIST')
      throw new InputError(`${name} already exists; add --replace to replace it`)
    throw cannotWrite(name, error)
  })
}

/** `path` relative to `cwd` for messages, or absolute when outside it. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path))
  return rel === '' ? '.' : rel.startsWith(`..${sep}`) ? resolve(cwd, path) : rel
}
