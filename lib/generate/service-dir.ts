/**
 * One service's files in the s6-rc source tree (FORMAT §1): its folder under
 * /etc/s6-overlay/s6-rc.d/, and for oneshots the scripts under /etc/s6-overlay/scripts/ that
 * the one-line `up`/`down` call (FORMAT §6.3).
 */
import type { Bundle, Longrun, Oneshot, Service, ServiceName } from '../graph/types'
import { inRootfs, join, report } from './context'
import type { ExportContext } from './context'
import { bodyLines, lines, toLf } from './file-map'
import type { FileMap } from './file-map'
import { isSafeEnvName, isSafeName, isSafeRelativePath } from './safe-path'
import {
  SCRIPTS_DIR,
  checkScriptLines,
  execlineWord,
  plainScriptLines,
  runScriptLines,
} from './scripts'

/** Folder of a service in the image. */
export const SOURCE_DIR = '/etc/s6-overlay/s6-rc.d'

const UINT32_MAX = 4294967295

/** Adds a text file; CR is converted to LF (and reported) so every file is LF-only. */
function put(
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

/** The safe names of a list, sorted and once each; unsafe ones are reported and left out. */
function safeNames(
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

/** A marker file per name in `<dir>/<sub>/` (dependencies.d, contents.d), empty files. */
function markers(files: FileMap, dir: string, names: readonly string[]): void {
  for (const n of names) files.set(join(dir, n), { contents: '', executable: false })
}

/** A decimal file (`timeout-up`, `notification-fd`…) when the value is set and valid. */
function numberFile(
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
function namesFile(
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

function dependencies(ctx: ExportContext, name: ServiceName, service: Oneshot | Longrun): string[] {
  const deps = [...(service.dependencies ?? [])]
  if (ctx.graph.project.dependOnBase !== false && !deps.includes('base')) deps.push('base')
  return safeNames(ctx, name, 'dependencies', deps)
}

function common(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Service,
): void {
  files.set(join(dir, 'type'), { contents: lines([service.type]), executable: false })
  if (service.essential) files.set(join(dir, 'flag-essential'), { contents: '', executable: false })
  if (service.type === 'bundle') return
  markers(files, join(dir, 'dependencies.d'), dependencies(ctx, name, service))
  numberFile(ctx, files, dir, name, 'timeout-up', 'timeoutUp', service.timeoutUp)
  numberFile(ctx, files, dir, name, 'timeout-down', 'timeoutDown', service.timeoutDown)
}

/** Path of a oneshot's script in the image. */
export function oneshotScriptPath(name: ServiceName, action: 'up' | 'down'): string {
  return `${SCRIPTS_DIR}/${name}${action === 'down' ? '-down' : ''}`
}

function oneshotFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Oneshot,
  scriptOwners: Map<string, ServiceName>,
): void {
  const withContenv = service.withContenv !== false
  const actions: Array<['up' | 'down', Oneshot['up'] | undefined]> = [
    ['up', service.up],
    ['down', service.down],
  ]
  for (const [action, script] of actions) {
    if (!script) continue
    const target = oneshotScriptPath(name, action)
    const owner = scriptOwners.get(target)
    if (owner !== undefined && owner !== name) {
      report(
        ctx,
        'export-script-collision',
        'error',
        `${name}'s ${action} script would be ${target}, which is already ${owner}'s; ${name}'s ${action} was left out.`,
        {
          service: name,
          field: action,
          fix: `Rename ${name} or ${owner} so the scripts under ${SCRIPTS_DIR} differ.`,
        },
      )
      continue
    }
    scriptOwners.set(target, name)
    put(ctx, files, join(dir, action), lines([execlineWord(target)]), false, name)
    put(
      ctx,
      files,
      inRootfs(ctx, target),
      lines(plainScriptLines(script, withContenv, 'oneshot')),
      true,
      name,
    )
  }
}

function envFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Longrun,
): boolean {
  let any = false
  for (const [i, v] of (service.env ?? []).entries()) {
    const field = `env.${i}`
    if (!isSafeEnvName(v.name)) {
      report(
        ctx,
        'export-unsafe-name',
        'error',
        `${name}'s variable ${JSON.stringify(v.name)} cannot be a file in env/ (empty, starts with a dot, or holds "=", "/" or a control character); it was left out.`,
        {
          service: name,
          field,
        },
      )
      continue
    }
    // A secret keeps whatever value the container gets (docker run -e); writing a file would
    // replace it, and an empty file would unset it (s6-envdir).
    if (v.secret) continue
    const value = String(v.value ?? '')
    if (value.includes('\0') || value.includes('\r')) {
      report(
        ctx,
        'export-env-value',
        'error',
        `${name}'s ${v.name} holds a NUL or carriage-return character, which cannot reach the process intact; it was left out.`,
        {
          service: name,
          field,
          file: `env/${v.name}`,
        },
      )
      continue
    }
    files.set(join(dir, 'env', v.name), { contents: `${value}\n`, executable: false })
    any = true
  }
  return any
}

const S6_FILES = new Set(['data/check'])

function extraFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Longrun,
  hasCheck: boolean,
): void {
  for (const f of service.extraFiles ?? []) {
    const ok = isSafeRelativePath(f.path) && f.path.startsWith('data/')
    if (!ok || (hasCheck && S6_FILES.has(f.path))) {
      report(
        ctx,
        'export-extra-file',
        'warning',
        ok
          ? `${name}'s file ${f.path} would replace the readiness check the export writes there; it was left out.`
          : `${name}'s file ${JSON.stringify(f.path)} is not a safe path under data/; it was left out.`,
        {
          service: name,
          field: 'extraFiles',
          file: f.path,
        },
      )
      continue
    }
    put(ctx, files, join(dir, f.path), String(f.contents ?? ''), f.executable === true, name)
  }
}

function longrunFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Longrun,
): void {
  const withContenv = service.withContenv !== false
  const check = service.readiness?.check
  const hasCheck = check !== undefined && bodyLines(check).length > 0
  const envdir = envFiles(ctx, files, dir, name, service)
  const run = runScriptLines(service.run, {
    withContenv,
    joinStderr: service.producerFor !== undefined,
    envdir,
    notifyOnCheck: hasCheck && service.readiness !== undefined,
  })
  put(ctx, files, join(dir, 'run'), lines(run), true, name)
  if (service.finish)
    put(
      ctx,
      files,
      join(dir, 'finish'),
      lines(plainScriptLines(service.finish, withContenv, 'finish')),
      true,
      name,
    )
  if (service.readiness) {
    numberFile(
      ctx,
      files,
      dir,
      name,
      'notification-fd',
      'readiness.notificationFd',
      service.readiness.notificationFd,
    )
    if (hasCheck)
      put(ctx, files, join(dir, 'data/check'), lines(checkScriptLines(check)), true, name)
  }
  numberFile(ctx, files, dir, name, 'lock-fd', 'lockFd', service.lockFd)
  numberFile(ctx, files, dir, name, 'timeout-kill', 'timeoutKill', service.timeoutKill)
  numberFile(ctx, files, dir, name, 'timeout-finish', 'timeoutFinish', service.timeoutFinish)
  numberFile(ctx, files, dir, name, 'max-death-tally', 'maxDeathTally', service.maxDeathTally)
  if (service.downSignal !== undefined) {
    if (/^[A-Za-z0-9+-]+$/.test(service.downSignal)) {
      files.set(join(dir, 'down-signal'), {
        contents: lines([service.downSignal]),
        executable: false,
      })
    } else {
      report(
        ctx,
        'export-invalid-signal',
        'error',
        `${name}'s down signal ${JSON.stringify(service.downSignal)} is not a signal name or number; down-signal was left out.`,
        {
          service: name,
          field: 'downSignal',
          file: 'down-signal',
        },
      )
    }
  }
  if (service.producerFor !== undefined)
    namesFile(ctx, files, dir, name, 'producer-for', 'producerFor', [service.producerFor])
  if (service.consumerFor)
    namesFile(ctx, files, dir, name, 'consumer-for', 'consumerFor', service.consumerFor)
  if (service.pipelineName !== undefined)
    namesFile(ctx, files, dir, name, 'pipeline-name', 'pipelineName', [service.pipelineName])
  extraFiles(ctx, files, dir, name, service, hasCheck)
}

function bundleFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Bundle,
): void {
  const members = safeNames(ctx, name, 'contents', service.contents ?? [])
  // s6-rc-compile needs contents.d even when empty; s6-rc skips dot-names inside it.
  markers(files, join(dir, 'contents.d'), members.length > 0 ? members : ['.empty'])
}

/**
 * Adds the files of one service or user-defined bundle to `files`. `scriptOwners` tracks the
 * scripts already written under /etc/s6-overlay/scripts/ so two oneshots never share one.
 * The overlay's own `user`/`user2` bundles are written by `userBundleFiles` instead.
 */
export function serviceDirFiles(
  ctx: ExportContext,
  files: FileMap,
  name: ServiceName,
  service: Service,
  scriptOwners: Map<string, ServiceName> = new Map(),
): void {
  const dir = inRootfs(ctx, `${SOURCE_DIR}/${name}`)
  switch (service.type) {
    case 'oneshot':
      common(ctx, files, dir, name, service)
      oneshotFiles(ctx, files, dir, name, service, scriptOwners)
      return
    case 'longrun':
      common(ctx, files, dir, name, service)
      longrunFiles(ctx, files, dir, name, service)
      return
    case 'bundle':
      common(ctx, files, dir, name, service)
      bundleFiles(ctx, files, dir, name, service)
      return
    default: {
      const never: never = service
      report(ctx, 'export-unknown-type', 'error', `${name} has no known type; it was left out.`, {
        service: name,
      })
      return never
    }
  }
}

/**
 * The membership of s6-overlay's own `user`/`user2` bundle: only `contents.d/<member>` entries,
 * in the one place the target release reads (FORMAT §5); the overlay ships the `type` files.
 */
export function userBundleFiles(
  ctx: ExportContext,
  files: FileMap,
  name: 'user' | 'user2',
  service: Bundle,
): void {
  const base =
    ctx.release.userBundleLayout === 'user-bundles.d'
      ? '/etc/s6-overlay/user-bundles.d'
      : SOURCE_DIR
  markers(
    files,
    inRootfs(ctx, `${base}/${name}/contents.d`),
    safeNames(ctx, name, 'contents', service.contents ?? []),
  )
}
