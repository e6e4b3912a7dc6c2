/**
 * Logger pipelines in s6-overlay's canonical pattern (FORMAT §5 "Logging"): adding and removing
 * a `<name>-log` consumer with its `-log-prepare` oneshot and `-pipeline` bundle. Pure, like
 * the operations in service-graph.ts.
 */
import {
  USER_BUNDLE,
  addService,
  getService,
  hasService,
  longrun,
  oneshot,
  pipelineNames,
  removeServices,
  renameService,
  updateService,
} from './service-graph'
import { isRecord } from './rules/guards'
import { nameProblem } from './validate'
import type { Longrun, Oneshot, Service, ServiceGraph, ServiceName } from './types'

/** Names of the services `addLogger` creates for a producer. */
export function loggerNames(producer: ServiceName): {
  log: string
  prepare: string
  pipeline: string
} {
  return {
    log: `${producer}-log`,
    prepare: `${producer}-log-prepare`,
    pipeline: `${producer}-pipeline`,
  }
}

/** The logger's timeout-kill: s6-log stops at once on SIGTERM, so a short bound costs nothing. */
export const LOGGER_TIMEOUT_KILL_MS = 1000

/** The folder `addLogger` logs to unless told otherwise. */
export const defaultLogDirectory = (producer: ServiceName) => `/var/log/${producer}`

/** The fields of the prepare oneshot that `addLogger` writes for `dir`. */
function prepareFields(dir: string): Pick<Oneshot, 'description' | 'up' | 'withContenv'> {
  return {
    description: `Creates ${dir} and hands it to the logger's user.`,
    up: {
      language: 'sh',
      // set -e: a failed step fails the oneshot (and holds the logger back) instead of passing
      // unseen. nobody's group is nogroup on Debian, nobody on Alpine and Fedora: ask for it.
      body: `set -e\nmkdir -p ${dir}\nchown nobody:"$(id -gn nobody)" ${dir}\nchmod 02755 ${dir}`,
    },
    withContenv: false,
  }
}

/** The text fields of the logger that `addLogger` writes for `producer` and `dir`. */
function logFields(
  producer: ServiceName,
  dir: string,
): Pick<Longrun, 'description' | 'run' | 'process'> {
  return {
    description: `Writes ${producer}'s output to ${dir}, rotated by s6-log.`,
    run: { language: 'execline', body: `logutil-service ${dir}` },
    process: `s6-log ${dir}`,
  }
}

/**
 * Gives a longrun a logger, in s6-overlay's canonical pattern (FORMAT §5 "Logging"):
 * `<name>-log` (a logutil-service consumer with pipeline-name `<name>-pipeline`) and
 * `<name>-log-prepare` (a oneshot that makes the log directory writable by nobody). In `user`,
 * the producer is replaced by the pipeline bundle.
 */
export function addLogger(
  graph: ServiceGraph,
  producer: ServiceName,
  options: { directory?: string } = {},
): ServiceGraph {
  const p = getService(graph, producer)
  if (!p || p.type !== 'longrun' || p.producerFor) return graph
  const names = loggerNames(producer)
  const pipelines = pipelineNames(graph)
  if (
    [names.log, names.prepare, names.pipeline].some((n) => hasService(graph, n) || pipelines.has(n))
  ) {
    return graph
  }
  const dir = options.directory ?? defaultLogDirectory(producer)
  let g = addService(graph, names.prepare, oneshot(prepareFields(dir)), { inUser: false })
  g = addService(
    g,
    names.log,
    longrun({
      ...logFields(producer, dir),
      withContenv: false,
      dependencies: [names.prepare],
      consumerFor: [producer],
      pipelineName: names.pipeline,
      // s6-log flushes and exits on SIGTERM at once; a limit keeps the stop bounded anyway.
      timeoutKill: LOGGER_TIMEOUT_KILL_MS,
    }),
    { inUser: false },
  )
  g = updateService(g, producer, { ...p, producerFor: names.log })
  const user = g.services[USER_BUNDLE]
  if (user?.type === 'bundle') {
    const contents = user.contents.includes(producer)
      ? user.contents.map((n) => (n === producer ? names.pipeline : n))
      : user.contents
    g = updateService(g, USER_BUNDLE, { ...user, contents })
  }
  return g
}

/**
 * Undoes `addLogger`: removes the consumer and its prepare oneshot, puts the producer back in
 * `user`. When the consumer also reads other producers (a funnel), only this producer's link
 * is removed and the logger stays.
 */
export function removeLogger(graph: ServiceGraph, producer: ServiceName): ServiceGraph {
  const p = getService(graph, producer)
  if (!p || p.type !== 'longrun' || !p.producerFor) return graph
  const consumer = getService(graph, p.producerFor)
  const others =
    consumer?.type === 'longrun' ? (consumer.consumerFor ?? []).filter((n) => n !== producer) : []
  // The logger reads only this producer: it goes, as Delete removes it.
  if (consumer?.type !== 'longrun' || others.length === 0)
    return removeWithLoggers(graph, [p.producerFor]).graph
  // A funnel: only this producer's link goes, and the producer boots on its own again.
  const unlinked: Longrun = { ...p }
  delete unlinked.producerFor
  let g = updateService(graph, producer, unlinked)
  g = updateService(g, p.producerFor, { ...consumer, consumerFor: others })
  const user = getService(g, USER_BUNDLE)
  const pipeline = consumer.pipelineName
  if (
    user?.type === 'bundle' &&
    pipeline !== undefined &&
    user.contents.includes(pipeline) &&
    !user.contents.includes(producer)
  ) {
    g = updateService(g, USER_BUNDLE, { ...user, contents: [...user.contents, producer] })
  }
  return g
}

/**
 * Removes services as `removeServices` does, keeping logger pipelines whole (what Delete does
 * in the editor): a logger removed without its producers goes as the Logger switch removes it
 * (its prepare oneshot too, and each producer back in `user` where the pipeline was); a
 * producer removed takes along the logger `addLogger` made for it (named after it and reading
 * only it) and that logger's prepare oneshot.
 */
export function removeWithLoggers(
  graph: ServiceGraph,
  names: readonly ServiceName[],
): ReturnType<typeof removeServices> {
  const gone = new Set(names)
  const restore: ServiceName[] = []
  const user = getService(graph, USER_BUNDLE)
  const inUser = (n: ServiceName) => user?.type === 'bundle' && user.contents.includes(n)
  const takeLogger = (consumer: Longrun, producers: readonly ServiceName[]) => {
    for (const p of producers) {
      const prepare = loggerNames(p).prepare
      if (consumer.dependencies.includes(prepare) && hasService(graph, prepare)) gone.add(prepare)
    }
  }
  for (const name of names) {
    const s = getService(graph, name)
    if (s?.type !== 'longrun') continue
    const producers = s.consumerFor ?? []
    if (producers.length > 0) {
      takeLogger(s, producers)
      if (s.pipelineName !== undefined && inUser(s.pipelineName))
        restore.push(...producers.filter((p) => !gone.has(p)))
    }
    const consumer = s.producerFor === undefined ? undefined : getService(graph, s.producerFor)
    if (
      consumer?.type === 'longrun' &&
      s.producerFor === loggerNames(name).log &&
      (consumer.consumerFor ?? []).every((p) => p === name)
    ) {
      gone.add(s.producerFor)
      takeLogger(consumer, [name])
    }
  }
  const result = removeServices(graph, [...gone])
  let g = result.graph
  const after = getService(g, USER_BUNDLE)
  const back = restore.filter((p, i) => restore.indexOf(p) === i && hasService(g, p))
  if (after?.type === 'bundle' && back.length > 0) {
    const contents = [...after.contents, ...back.filter((p) => !after.contents.includes(p))]
    g = updateService(g, USER_BUNDLE, { ...after, contents })
  }
  return { ...result, graph: g }
}

/** What `renameWithLogger` did besides renaming the producer. */
export interface LoggerRename {
  graph: ServiceGraph
  /** The logger's names before and after (services and pipeline), when they followed. */
  renamed: [ServiceName, ServiceName][]
  /** The log folder after, when it followed (the logger's scripts were as addLogger wrote them). */
  directory?: string
}

/** Whether two field values are equal: texts and flags, or scripts (language and body). */
function same(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return a === b
  return a.language === b.language && a.body === b.body
}

/** The fields of `current` that still hold what `before` generated get what `after` generates. */
function followGenerated<S extends Service>(
  current: S,
  before: Partial<Record<string, unknown>>,
  after: Partial<Record<string, unknown>>,
): S {
  const next: Record<string, unknown> = { ...current }
  let changed = false
  for (const [key, value] of Object.entries(before)) {
    if (!same(next[key], value)) continue
    next[key] = after[key]
    changed = true
  }
  return changed ? (next as S) : current
}

/**
 * Renames a service as `renameService` does and, when it is a producer whose logger is the one
 * `addLogger` made for it (named after it, reading only it), renames that logger's services and
 * pipeline after the new name too. The default log folder follows when both scripts that name
 * it (the logger's run and the prepare step) are still as addLogger wrote them; then the texts
 * that describe it (descriptions, process label) follow too unless the user rewrote them. What
 * the user wrote stays. Unchanged graph when the rename cannot be made.
 */
export function renameWithLogger(
  graph: ServiceGraph,
  from: ServiceName,
  to: ServiceName,
): LoggerRename {
  const renamed = renameService(graph, from, to)
  const result: LoggerRename = { graph: renamed, renamed: [] }
  const p = getService(graph, from)
  const old = loggerNames(from)
  const log = getService(graph, old.log)
  if (
    renamed === graph ||
    p?.type !== 'longrun' ||
    p.producerFor !== old.log ||
    log?.type !== 'longrun' ||
    log.consumerFor?.length !== 1 ||
    log.pipelineName !== old.pipeline
  )
    return result
  const next = loggerNames(to)
  const pairs: [ServiceName, ServiceName][] = [
    [old.log, next.log],
    [old.pipeline, next.pipeline],
  ]
  const prepare = getService(graph, old.prepare)
  if (prepare?.type === 'oneshot' && log.dependencies.includes(old.prepare))
    pairs.push([old.prepare, next.prepare])
  // Every new name must be free and valid, or none is taken: the logger keeps its names.
  let g = renamed
  for (const [a, b] of pairs) {
    if (nameProblem(g, b, a) !== undefined) return result
    g = renameService(g, a, b)
  }
  result.renamed = pairs
  // The folder follows when both scripts that name it are as addLogger wrote them; the texts
  // that only describe it follow with it, unless the user rewrote them.
  const oldDir = defaultLogDirectory(from)
  const newDir = defaultLogDirectory(to)
  const logger = g.services[next.log] as Longrun
  const prep = pairs.length === 3 ? g.services[next.prepare] : undefined
  const before = { log: logFields(from, oldDir), prepare: prepareFields(oldDir) }
  if (
    same(logger.run, before.log.run) &&
    (prep?.type !== 'oneshot' || same(prep.up, before.prepare.up))
  ) {
    g = updateService(g, next.log, followGenerated(logger, before.log, logFields(to, newDir)))
    if (prep?.type === 'oneshot')
      g = updateService(
        g,
        next.prepare,
        followGenerated(prep, before.prepare, prepareFields(newDir)),
      )
    result.directory = newDir
  }
  result.graph = g
  return result
}
