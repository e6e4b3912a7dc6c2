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
  updateService,
} from './service-graph'
import type { Longrun, ServiceGraph, ServiceName } from './types'

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
  const dir = options.directory ?? `/var/log/${producer}`
  let g = addService(
    graph,
    names.prepare,
    oneshot({
      description: `Creates ${dir} and hands it to the logger's user.`,
      up: {
        language: 'sh',
        // set -e: a failed step fails the oneshot (and holds the logger back) instead of passing
        // unseen. nobody's group is nogroup on Debian, nobody on Alpine and Fedora: ask for it.
        body: `set -e\nmkdir -p ${dir}\nchown nobody:"$(id -gn nobody)" ${dir}\nchmod 02755 ${dir}`,
      },
      withContenv: false,
    }),
    { inUser: false },
  )
  g = addService(
    g,
    names.log,
    longrun({
      description: `Writes ${producer}'s output to ${dir}, rotated by s6-log.`,
      run: { language: 'execline', body: `logutil-service ${dir}` },
      withContenv: false,
      dependencies: [names.prepare],
      consumerFor: [producer],
      pipelineName: names.pipeline,
      process: `s6-log ${dir}`,
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
  const pipeline = consumer?.type === 'longrun' ? consumer.pipelineName : undefined
  const u = getService(graph, USER_BUNDLE)
  const wasInUser = u?.type === 'bundle' && pipeline !== undefined && u.contents.includes(pipeline)
  const others =
    consumer?.type === 'longrun' ? (consumer.consumerFor ?? []).filter((n) => n !== producer) : []
  let g: ServiceGraph
  if (consumer?.type === 'longrun' && others.length > 0) {
    const unlinked: Longrun = { ...p }
    delete unlinked.producerFor
    g = updateService(graph, producer, unlinked)
    g = updateService(g, p.producerFor, { ...consumer, consumerFor: others })
  } else {
    const toRemove = [p.producerFor]
    if (consumer?.type === 'longrun') {
      for (const d of consumer.dependencies) {
        if (d === loggerNames(producer).prepare) toRemove.push(d)
      }
    }
    g = removeServices(graph, toRemove).graph
  }
  const user = getService(g, USER_BUNDLE)
  if (wasInUser && user?.type === 'bundle' && !user.contents.includes(producer)) {
    g = updateService(g, USER_BUNDLE, { ...user, contents: [...user.contents, producer] })
  }
  return g
}
