/**
 * s6-overlay v2 `/etc/services.d/<name>/` folders as longruns. Each is an s6 service directory,
 * so the longrun reader takes it as it takes an s6-rc longrun (run, finish, env/, data/,
 * notification-fd…); what differs is reported: a `down` file, and `log/`, which s6-svscan
 * ran as the service's logger and becomes a consumer in a pipeline (FORMAT §3, §5 Logging).
 */
import { ReadContext } from './read-tree-context'
import { readLongrun } from './read-tree-longrun'
import { ServiceDir } from './read-tree-service-dir'
import type { NameAllocator } from './read-tree-v2-names'
import { checkExecutable, scriptNotes, textNotes } from './read-tree-v2-script'
import { parseScriptFile } from './read-tree-script'
import { joinPath } from './tree-input'
import type { Longrun } from './types'

export interface ConvertedLongrun {
  name: string
  service: Longrun
  /** Its logger, converted from `log/`. */
  logger?: { name: string; service: Longrun; pipeline: string }
}

const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`)

/**
 * Reads one service folder in a scratch context, then copies its report and diagnostics into
 * `ctx` with the converted name and the v2 wording.
 */
function readFolder(
  ctx: ReadContext,
  parent: string,
  folder: string,
  name: string,
  role: string,
): { fields: ReturnType<typeof readLongrun>['fields']; dir: string } {
  const scratch = new ReadContext(ctx.tree, ctx.context)
  const sd = new ServiceDir(scratch, parent, folder)
  const { fields } = readLongrun(sd)
  sd.finish((entry) => `s6 Designer does not read ${entry} in a services.d folder`)
  const dir = sd.dir
  for (const d of scratch.diagnostics) {
    if (d.code === 'script-legacy-path') continue
    ctx.diag({ ...d, service: name, ...(d.file ? { file: joinPath(dir, d.file) } : {}) })
  }
  const scripts = new Map<string, { path: string; notes: string[] }>()
  for (const e of scratch.report.entries) {
    const file = e.path.slice(dir.length + 1)
    if (file === 'run' || file === 'finish') {
      // readLongrun may report a script twice (its reading, then with-contenv following run).
      const seen = scripts.get(file)
      if (seen) {
        seen.notes.push(e.note)
        continue
      }
      const parsed = parseScriptFile(ctx.tree.text(e.path) ?? '', e.path)
      const notes = scriptNotes(parsed.shebang, parsed.script.language, parsed.script.body)
      scripts.set(file, {
        path: e.path,
        notes: [`${file} of ${role} ${name}`, ...textNotes(parsed.notes), ...notes],
      })
      checkExecutable(ctx, e.path, name)
    } else if (file === 'down' && e.action === 'ignored') {
      ctx.note(
        e.path,
        'ignored',
        `a down file: s6 left this service stopped at boot, but ${name} now starts with the user bundle; take it out of user to keep it stopped`,
      )
    } else ctx.note(e.path, e.action, e.note)
  }
  for (const { path, notes } of scripts.values()) ctx.note(path, 'converted', notes.join('; '))
  return { fields, dir }
}

/**
 * Converts `services.d/<folder>`; undefined (and reported) when it has no run script.
 * `dependencies` are the converted longrun's (the last cont-init oneshot, or base).
 */
export function convertServiceFolder(
  ctx: ReadContext,
  servicesDir: string,
  folder: string,
  names: NameAllocator,
  dependencies: readonly string[],
): ConvertedLongrun | undefined {
  const dir = joinPath(servicesDir, folder)
  if (!ctx.tree.isFile(joinPath(dir, 'run'))) {
    ctx.noteAll(dir, 'ignored', 'no run script: s6 could not supervise this folder')
    return undefined
  }
  const name = names.allocate(folder, 'service')
  const hasLogger = ctx.tree.isFile(joinPath(dir, 'log/run'))
  const before = ctx.report.entries.length
  const read = readFolder(ctx, servicesDir, folder, name, 'longrun')
  const logDir = joinPath(dir, 'log')
  if (hasLogger) {
    // readLongrun reported log/ as ignored; the logger conversion below reports it instead.
    const kept = ctx.report.entries.splice(before).filter((e) => !under(e.path, logDir))
    ctx.report.entries.push(...kept)
  } else if (ctx.tree.isDir(logDir)) {
    for (const e of ctx.report.entries.slice(before)) {
      if (under(e.path, logDir)) e.note = 'log/ has no run script: there is no logger to convert'
    }
  }
  const service: Longrun = {
    type: 'longrun',
    description: `Converted from /etc/services.d/${folder} (s6-overlay v2).`,
    ...read.fields,
    dependencies: [...dependencies],
  }
  const converted: ConvertedLongrun = { name, service }
  if (hasLogger) {
    const logName = names.allocate(`${name}-log`, 'log')
    const pipeline = names.allocate(`${name}-pipeline`, 'pipeline')
    const log = readFolder(ctx, dir, 'log', logName, 'logger')
    ctx.note(
      logDir,
      'converted',
      `logger ${logName}: it reads ${name}'s output, as s6-svscan piped it to log/; the pipeline bundle ${pipeline} holds both`,
    )
    service.producerFor = logName
    converted.logger = {
      name: logName,
      pipeline,
      service: {
        type: 'longrun',
        description: `Logger of ${name}, converted from /etc/services.d/${folder}/log (s6-overlay v2).`,
        ...log.fields,
        dependencies: [...dependencies],
        consumerFor: [name],
        pipelineName: pipeline,
      },
    }
  }
  return converted
}
