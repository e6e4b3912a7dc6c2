/**
 * The longrun-only files: `run`, `finish`, readiness and lock fds, s6-supervise's numbers,
 * pipeline links, `env/` and `data/` (FORMAT §1).
 */
import { envValue, readFirstLineNumber, showBytes } from './read-tree-files'
import { parseScriptFile } from './read-tree-script'
import type { ParsedScript } from './read-tree-script'
import type { ServiceDir } from './read-tree-service-dir'
import { decodeText, isText, joinPath } from './tree-input'
import type { EnvVar, ExtraFile, Longrun } from './types'

/** Longrun fields read from the directory, apart from the common atomic ones. */
export type LongrunFields = Omit<Longrun, 'type' | 'dependencies' | 'timeoutUp' | 'timeoutDown'>

function script(sd: ServiceDir, entry: 'run' | 'finish'): ParsedScript | undefined {
  const text = sd.text(entry)
  if (text === undefined) return undefined
  const parsed = parseScriptFile(text, sd.path(entry))
  for (const p of parsed.problems) sd.diag(p.code, p.severity, entry, p.message, p.fix)
  sd.note(
    entry,
    parsed.notes.length ? 'converted' : 'read',
    parsed.notes.join('; ') || `${parsed.script.language} script`,
  )
  return parsed
}

function number(sd: ServiceDir, entry: string, code: string, what: string): number | undefined {
  const bytes = sd.bytes(entry)
  if (bytes === undefined) return undefined
  const value = readFirstLineNumber(bytes)
  if (value === null) {
    const shown = `"${showBytes(decodeText(bytes.subarray(0, 40)))}"`
    sd.diag(
      code,
      'error',
      entry,
      `${sd.path(entry)} must hold ${what} as digits followed by a newline; it holds ${shown}, which s6-rc-compile refuses.`,
      'Write only the number and one LF (no spaces, no CR).',
    )
    sd.note(entry, 'ignored', 'not a number')
    return undefined
  }
  sd.note(entry, 'read', String(value))
  return value
}

function oneName(sd: ServiceDir, entry: 'producer-for' | 'pipeline-name'): string | undefined {
  const text = sd.text(entry)
  if (text === undefined) return undefined
  const names = sd.checkedNames(entry, text)
  if (names.length !== 1) {
    sd.diag(
      `${entry}-invalid`,
      'error',
      entry,
      `${sd.path(entry)} must hold exactly one name; it holds ${names.length}. s6-rc-compile refuses it (exit 1).`,
      entry === 'producer-for'
        ? 'A producer writes to one consumer: keep one name. Several producers may share one consumer (consumer-for lists them).'
        : 'Keep one name for the pipeline bundle.',
    )
    sd.note(entry, 'ignored', `${names.length} names`)
    return undefined
  }
  sd.note(entry, 'read', names[0] as string)
  return names[0]
}

/**
 * Whether `entry` (env or data, `holding` what it is for) is there but not a folder, which
 * s6-rc-compile refuses (FORMAT §1): then reported, and not read.
 */
function notAFolder(sd: ServiceDir, entry: 'env' | 'data', holding: string): boolean {
  if (sd.hasDir(entry)) return false
  sd.diag(
    'not-a-directory',
    'error',
    entry,
    `${sd.path(entry)} must be a folder (${holding}); s6-rc-compile refuses one that is not.`,
    `Make ${entry}/ a folder of ${holding}.`,
  )
  sd.note(entry, 'ignored', 'not a folder')
  return true
}

/**
 * Reads `env/`. Plain `s6-envdir` uses each file's first line; with `-f` (what the export's run
 * scripts use, as `s6-envdir -Lf`) the whole file, minus one final LF, is the value.
 */
function readEnv(sd: ServiceDir): EnvVar[] {
  const wholeFile = /s6-envdir\s+(-[A-Za-z]*f)/.test(sd.text('run') ?? '')
  if (!sd.has('env') || notAFolder(sd, 'env', 'one file per variable')) return []
  const dir = sd.path('env')
  const vars: EnvVar[] = []
  const l = sd.ctx.tree.list(dir)
  for (const [i, name] of l.files.entries()) {
    if (name.startsWith('.')) continue
    const path = joinPath(dir, name)
    const text = decodeText(l.fileBytes[i]!)
    if (text === '') {
      sd.ctx.note(
        path,
        'ignored',
        `empty file: s6-envdir unsets ${name}; s6 Designer has no "unset", so it was left out`,
      )
      sd.diag(
        'env-unset',
        'info',
        `env/${name}`,
        `${path} is empty, which makes s6-envdir remove ${name} from the environment; the imported design does not keep that.`,
        `If ${name} must be unset, unset it at the top of the run script.`,
      )
      continue
    }
    const value = wholeFile ? text.replace(/\n$/, '') : envValue(text)
    const multi = !wholeFile && text.replace(/\n+$/, '').includes('\n')
    sd.ctx.note(
      path,
      multi ? 'converted' : 'read',
      multi ? 'only the first line is used, as s6-envdir does' : `${name}=${value}`,
    )
    vars.push({ name, value })
  }
  // s6 itself never reads env/: only a run script that calls s6-envdir does. The export's run
  // script always does, so variables that were inert here will be set: say so.
  const inert = vars.length > 0 && !/s6-envdir/.test(sd.text('run') ?? '')
  const count = `${vars.length} variable${vars.length === 1 ? '' : 's'}`
  if (inert)
    sd.noteOnly(
      'env',
      'converted',
      `${count}; this run script does not read env/ (no s6-envdir), so they were not set, but the export's run script loads them: check that the service should see them`,
    )
  else sd.noteOnly('env', 'read', count)
  for (const other of [...l.dirs, ...l.links])
    sd.ctx.note(joinPath(dir, other), 'ignored', 's6-envdir reads only files')
  return vars
}

function readData(sd: ServiceDir, skip: ReadonlySet<string>): ExtraFile[] {
  if (!sd.has('data') || notAFolder(sd, 'data', 'files the service reads')) return []
  const files: ExtraFile[] = []
  const tree = sd.ctx.tree
  for (const path of tree.walk(sd.path('data'))) {
    const rel = path.slice(sd.dir.length + 1)
    if (skip.has(rel)) continue
    // A link the reader did not follow (out of the folder, nowhere): said, not dropped unseen.
    if (tree.links.has(path)) {
      sd.ctx.symlink(path, sd.name)
      continue
    }
    if (!tree.isFile(path)) continue
    const bytes = tree.bytes(path) as Uint8Array
    if (!isText(bytes)) {
      sd.ctx.note(path, 'ignored', 'binary file: keep it in your image outside s6-rc.d')
      continue
    }
    files.push({
      path: rel,
      contents: decodeText(bytes),
      ...(tree.executables.has(path) ? { executable: true } : {}),
    })
    sd.ctx.note(path, 'kept', 'kept verbatim')
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  sd.noteOnly('data', 'kept', `${files.length} files kept verbatim`)
  return files
}

/** Reads the longrun-specific files of a service directory. */
export function readLongrun(sd: ServiceDir): { fields: LongrunFields; withContenv: boolean } {
  let run = script(sd, 'run')
  if (!run) {
    const isDir = sd.hasDir('run')
    if (!sd.isLink('run'))
      sd.diag(
        'longrun-run-missing',
        'error',
        'run',
        isDir
          ? `${sd.path('run')} is not a regular file; s6-rc-compile refuses it (exit 1).`
          : `${sd.name} is a longrun without a run script; s6-rc-compile stops with "unable to find a run script" (exit 1).`,
        'Add an executable run script that execs the daemon in the foreground.',
      )
    if (isDir) sd.note('run', 'ignored', 'not a regular file')
    run = { script: { language: 'sh', body: '' }, withContenv: false, notes: [], problems: [] }
  }
  const finish = script(sd, 'finish')
  const fields: LongrunFields = {
    run: run.script,
    withContenv: run.withContenv,
    env: readEnv(sd),
    children: [],
  }
  if (finish) fields.finish = finish.script
  if (finish && finish.withContenv !== run.withContenv) {
    sd.ctx.note(
      sd.path('finish'),
      'converted',
      `with-contenv follows run (${run.withContenv ? 'on' : 'off'})`,
    )
  }
  const notificationFd = number(sd, 'notification-fd', 'fd-invalid', 'a file descriptor number')
  const dataSkip = new Set<string>()
  if (notificationFd !== undefined) {
    fields.readiness = { notificationFd }
    const check = sd.ctx.tree.text(sd.path('data/check'))
    if (check !== undefined && /s6-notifyoncheck/.test(sd.text('run') ?? '')) {
      fields.readiness.check = parseScriptFile(check, sd.path('data/check')).script.body
      dataSkip.add('data/check')
      sd.ctx.note(sd.path('data/check'), 'converted', 'readiness check run by s6-notifyoncheck')
    }
  }
  const lockFd = number(sd, 'lock-fd', 'fd-invalid', 'a file descriptor number')
  if (lockFd !== undefined) fields.lockFd = lockFd
  const timeoutKill = number(sd, 'timeout-kill', 'timeout-invalid', 'milliseconds')
  if (timeoutKill !== undefined) fields.timeoutKill = timeoutKill
  const timeoutFinish = number(sd, 'timeout-finish', 'timeout-invalid', 'milliseconds')
  if (timeoutFinish !== undefined) fields.timeoutFinish = timeoutFinish
  const tally = number(sd, 'max-death-tally', 'max-death-tally-invalid', 'a count')
  if (tally !== undefined) fields.maxDeathTally = tally
  const signal = sd.text('down-signal')
  if (signal !== undefined) {
    fields.downSignal = signal.split('\n')[0]?.trim() ?? ''
    sd.note('down-signal', 'kept', `${fields.downSignal} (s6-supervise checks it at run time)`)
  }
  const producerFor = oneName(sd, 'producer-for')
  if (producerFor !== undefined) fields.producerFor = producerFor
  const consumerText = sd.text('consumer-for')
  if (consumerText !== undefined) {
    const consumerFor = sd.checkedNames('consumer-for', consumerText)
    if (consumerFor.length > 0) fields.consumerFor = consumerFor
    sd.note('consumer-for', 'read', consumerFor.join(', ') || 'no names')
  }
  if (sd.hasFile('pipeline-name')) {
    if (fields.consumerFor && !fields.producerFor) {
      const pipelineName = oneName(sd, 'pipeline-name')
      if (pipelineName !== undefined) fields.pipelineName = pipelineName
    } else {
      sd.diag(
        'pipeline-name-ignored',
        'warning',
        'pipeline-name',
        `${sd.path('pipeline-name')} is ignored: only the last consumer of a pipeline (consumer-for without producer-for) names it.`,
        'Move pipeline-name to the last consumer of the pipeline.',
      )
      sd.note('pipeline-name', 'ignored', 'not the last consumer of a pipeline')
    }
  }
  fields.extraFiles = readData(sd, dataSkip)
  if (fields.extraFiles.length === 0) delete fields.extraFiles
  if (sd.has('log'))
    sd.note('log', 'ignored', 's6-rc ignores a longrun log/ folder; use a consumer-for logger')
  if (sd.hasFile('down')) sd.note('down', 'ignored', 's6-rc ignores a longrun down file')
  return { fields, withContenv: run.withContenv }
}
