/**
 * Helpers for the tests that run the export with the real tools (Debian's s6, execline,
 * shellcheck): write a FileMap to a temp folder with its modes, point the image paths
 * (/command/with-contenv, /command/execlineb, /etc/s6-overlay/scripts) at local stand-ins,
 * run commands, poll, and read the exported tree back as the order driver needs it.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { FileMap } from '@/lib/generate/file-map'

/** A new empty folder under the system temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `s6d-${prefix}-`))
}

/** Writes the files under `root` with mode 0755 or 0644. */
export function writeFiles(root: string, files: FileMap): void {
  for (const [path, file] of files) {
    const target = join(root, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, file.contents)
    chmodSync(target, file.executable ? 0o755 : 0o644)
  }
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to completion; throws when it cannot start (a missing tool fails the test). */
export function run(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string
    env?: Record<string, string | undefined>
    input?: string
    timeoutMs?: number
  } = {},
): RunResult {
  const r = spawnSync(command, args, {
    cwd: options.cwd,
    env: (options.env ?? process.env) as NodeJS.ProcessEnv,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 10_000,
  })
  if (r.error) throw new Error(`${command}: ${r.error.message}`)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Waits until `check` returns a truthy value; throws after `timeoutMs`. */
export async function poll<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 5000,
): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = check()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

function script(path: string, body: string): void {
  writeFileSync(path, body)
  chmodSync(path, 0o755)
}

/**
 * A folder of stand-ins: `with-contenv` (just execs its arguments, as s6-overlay's does with
 * S6_KEEP_ENV=1), `stub-daemon` (the user's application), `log-event`, `dump-env` and an
 * argv dumper for execline parsing. Stubs append lines to $S6D_TEST_LOG.
 */
export function fakeBin(dir: string): string {
  mkdirSync(dir, { recursive: true })
  script(join(dir, 'with-contenv'), '#!/bin/sh\nexec "$@"\n')
  script(join(dir, 'log-event'), '#!/bin/sh\necho "$*" >> "$S6D_TEST_LOG"\n')
  script(
    join(dir, 'stub-daemon'),
    [
      '#!/bin/sh',
      '# stub-daemon NAME [ignore-term | exit CODE]',
      'name=$1',
      'log() { echo "$1 $name${2:+ $2}" >> "$S6D_TEST_LOG"; }',
      'case "${2:-}" in',
      '  ignore-term) log start; trap "" TERM; exec sleep 3600 ;;',
      '  exit) log start; sleep 0.1; exit "$3" ;;',
      'esac',
      'child=',
      'for s in TERM INT QUIT HUP USR1 USR2; do',
      '  trap "log signal $s; [ -n \\"\\$child\\" ] && kill \\$child 2>/dev/null; log stop; exit 0" "$s"',
      'done',
      'log start',
      'sleep 3600 &',
      'child=$!',
      'wait "$child"',
      '',
    ].join('\n'),
  )
  script(
    join(dir, 'dump-env'),
    '#!/bin/sh\n# Writes the environment, NUL-separated, to $S6D_TEST_ENV_OUT.\nenv -0 > "$S6D_TEST_ENV_OUT"\n',
  )
  script(join(dir, 'argv-dump'), '#!/bin/sh\nfor a in "$@"; do printf \'%s\\0\' "$a"; done\n')
  return dir
}

/** Every regular file under `dir`, as paths relative to it. */
export function walkFiles(dir: string, base = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base === '' ? entry.name : `${base}/${entry.name}`
    if (entry.isDirectory()) out.push(...walkFiles(dir, rel))
    else if (entry.isFile()) out.push(rel)
  }
  return out.sort()
}

/**
 * Makes an exported rootfs runnable on this machine: s6-overlay's /command paths become the
 * stand-ins and Debian's execlineb, and /etc/s6-overlay/scripts points into the rootfs.
 */
export function localize(rootfs: string, bin: string): void {
  const overlay = join(rootfs, 'etc/s6-overlay')
  for (const rel of walkFiles(overlay)) {
    const path = join(overlay, rel)
    const text = readFileSync(path, 'utf8')
    const next = text
      .replaceAll('/command/with-contenv', join(bin, 'with-contenv'))
      .replaceAll('/command/execlineb', '/usr/bin/execlineb')
      .replaceAll('/etc/s6-overlay/scripts/', join(overlay, 'scripts') + '/')
    if (next !== text) {
      const mode = statSync(path).mode
      writeFileSync(path, next)
      chmodSync(path, mode)
    }
  }
}

export interface TreeService {
  type: string
  dependencies: string[]
  contents: string[]
  hasDown: boolean
}

function entries(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort()
    : []
}

/**
 * Reads the exported source tree (services, their dependencies.d and contents.d) and the user
 * bundle's members from wherever the release keeps them: what the order driver works from.
 */
export function readSourceTree(rootfs: string): {
  services: Map<string, TreeService>
  user: string[]
} {
  const source = join(rootfs, 'etc/s6-overlay/s6-rc.d')
  const services = new Map<string, TreeService>()
  for (const name of entries(source)) {
    const dir = join(source, name)
    if (!existsSync(join(dir, 'type'))) continue
    services.set(name, {
      type: readFileSync(join(dir, 'type'), 'utf8').trim(),
      dependencies: entries(join(dir, 'dependencies.d')),
      contents: entries(join(dir, 'contents.d')),
      hasDown: existsSync(join(dir, 'down')),
    })
  }
  const user = [
    ...entries(join(rootfs, 'etc/s6-overlay/user-bundles.d/user/contents.d')),
    ...entries(join(source, 'user/contents.d')),
  ]
  return { services, user }
}

/** Atomic services a name stands for (bundles expanded); names not in the tree stand for none. */
export function atomsOf(
  services: Map<string, TreeService>,
  name: string,
  seen = new Set<string>(),
): string[] {
  const s = services.get(name)
  if (!s || seen.has(name)) return []
  seen.add(name)
  if (s.type !== 'bundle') return [name]
  return s.contents.flatMap((m) => atomsOf(services, m, seen))
}

/**
 * The start order the tree implies for `targets` and everything they need: each service after
 * all its dependencies (bundles expanded), ties by name. Throws on a cycle.
 */
export function startOrder(
  services: Map<string, TreeService>,
  targets: readonly string[],
): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string) => {
    if (state.get(name) === 'done') return
    if (state.get(name) === 'visiting') throw new Error(`cycle through ${name}`)
    state.set(name, 'visiting')
    const deps = (services.get(name)?.dependencies ?? [])
      .flatMap((d) => atomsOf(services, d))
      .sort()
    for (const d of deps) visit(d)
    state.set(name, 'done')
    order.push(name)
  }
  for (const t of [...targets].flatMap((t) => atomsOf(services, t)).sort()) visit(t)
  return order
}
