/**
 * A longrun's folder (FORMAT §1, SD): `run` and `finish` with their interpreter lines and the
 * exporter's marked additions, `env/`, readiness (`notification-fd`, `data/check`), the
 * s6-supervise numbers, the down signal, pipeline links and kept `data/` files.
 */
import { isSignalWord } from '../graph/overlay'
import type { Longrun, ServiceName } from '../graph/types'
import { join, report } from './context'
import type { ExportContext } from './context'
import { bodyLines, lines } from './file-map'
import type { FileMap } from './file-map'
import { isSafeEnvName, isSafeRelativePath } from './safe-path'
import { checkScriptLines, plainScriptLines, runScriptLines } from './scripts'
import { namesFile, noteCr, numberFile, put } from './service-files'

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

/** Adds a longrun's files under `dir` (its folder in the export). */
export function longrunFiles(
  ctx: ExportContext,
  files: FileMap,
  dir: string,
  name: ServiceName,
  service: Longrun,
): void {
  const withContenv = service.withContenv !== false
  noteCr(ctx, name, 'run', service.run.body)
  if (service.finish) noteCr(ctx, name, 'finish', service.finish.body)
  if (service.readiness?.check) noteCr(ctx, name, 'readiness.check', service.readiness.check)
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
  if (service.downSignal !== undefined && service.downSignal.trim() !== '') {
    if (isSignalWord(service.downSignal)) {
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
