/**
 * One service's files in the s6-rc source tree (FORMAT §1): its folder under
 * /etc/s6-overlay/s6-rc.d/, and for oneshots the scripts under /etc/s6-overlay/scripts/ that
 * the one-line `up`/`down` call (FORMAT §6.3).
 */
import { oneshotScriptPath, scriptCallOf } from '../graph/script-call'
import type { Bundle, Longrun, Oneshot, Service, ServiceName, ServiceType } from '../graph/types'
import { inRootfs, join, report } from './context'
import type { ExportContext } from './context'
import { lines } from './file-map'
import type { FileMap, GeneratedFile } from './file-map'
import { SCRIPTS_DIR, execlineWord, plainScriptLines } from './scripts'
import { EMPTY_FILE, markers, noteCr, numberFile, put, safeNames } from './service-files'
import { longrunFiles } from './service-longrun'

/** Folder of a service in the image. */
export const SOURCE_DIR = '/etc/s6-overlay/s6-rc.d'

/** Where s6-overlay 3.2.3.1 and later read the `user`/`user2` membership. */
export const USER_BUNDLES_DIR = '/etc/s6-overlay/user-bundles.d'

/** A service's folder in the export. */
export function serviceDir(ctx: ExportContext, name: ServiceName): string {
  return inRootfs(ctx, `${SOURCE_DIR}/${name}`)
}

/** The `type` files, one object each for all services of a type. */
const TYPE_FILES = Object.fromEntries(
  (['oneshot', 'longrun', 'bundle'] as const).map((t) => [
    t,
    Object.freeze({ contents: lines([t]), executable: false }),
  ]),
) as Record<ServiceType, GeneratedFile>

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
  files.set(join(dir, 'type'), TYPE_FILES[service.type])
  if (service.essential) files.set(join(dir, 'flag-essential'), EMPTY_FILE)
  if (service.type === 'bundle') return
  markers(files, join(dir, 'dependencies.d'), dependencies(ctx, name, service))
  numberFile(ctx, files, dir, name, 'timeout-up', 'timeoutUp', service.timeoutUp)
  numberFile(ctx, files, dir, name, 'timeout-down', 'timeoutDown', service.timeoutDown)
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
    // A bare call of a script the image provides (an imported one-line `up`): written back as
    // the line. As a script of its own at that path it would call itself, and replace theirs.
    const call = scriptCallOf(script)
    if (call) {
      const line = `${call.withContenv ? 'with-contenv ' : ''}${execlineWord(call.path)}`
      put(ctx, files, join(dir, action), lines([line]), false, name)
      continue
    }
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
    noteCr(ctx, name, action, script.body)
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
  const dir = serviceDir(ctx, name)
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
  const base = ctx.release.userBundleLayout === 'user-bundles.d' ? USER_BUNDLES_DIR : SOURCE_DIR
  markers(
    files,
    inRootfs(ctx, `${base}/${name}/contents.d`),
    safeNames(ctx, name, 'contents', service.contents ?? []),
  )
}
