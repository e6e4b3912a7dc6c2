/**
 * Pure operations on a ServiceGraph. Each returns a new graph and leaves unchanged services
 * with their old reference, so views can compare by identity. None of them throws: an
 * operation that cannot apply (unknown service, name taken) returns the graph it was given.
 */
import { DEFAULT_OVERLAY_VERSION } from './overlay'
import type {
  Bundle,
  EnvVar,
  Longrun,
  Oneshot,
  ProjectSettings,
  Service,
  ServiceGraph,
  ServiceName,
  ServiceType,
  XY,
} from './types'
import { GRAPH_VERSION } from './types'

/** The `user` bundle: what s6-overlay brings up at boot. */
export const USER_BUNDLE = 'user'

export function defaultProject(overrides: Partial<ProjectSettings> = {}): ProjectSettings {
  return {
    name: 'my-app',
    overlayVersion: DEFAULT_OVERLAY_VERSION,
    stageName: 'final-s6',
    baseImage: 'debian:bookworm-slim',
    packageManager: 'auto',
    repoDir: 'docker/s6',
    env: [],
    s6Env: {},
    dependOnBase: true,
    ports: [],
    ...overrides,
  }
}

/** A new graph with only the `user` bundle. */
export function createGraph(project: Partial<ProjectSettings> = {}): ServiceGraph {
  return {
    version: GRAPH_VERSION,
    project: defaultProject(project),
    services: { [USER_BUNDLE]: bundle() },
    layout: {},
  }
}

export function oneshot(fields: Partial<Omit<Oneshot, 'type'>> = {}): Oneshot {
  return {
    type: 'oneshot',
    up: { language: 'sh', body: 'echo "ready"' },
    dependencies: [],
    withContenv: true,
    ...fields,
  }
}

export function longrun(fields: Partial<Omit<Longrun, 'type'>> = {}): Longrun {
  return {
    type: 'longrun',
    run: { language: 'sh', body: 'exec sleep infinity' },
    dependencies: [],
    withContenv: true,
    env: [],
    children: [],
    ...fields,
  }
}

export function bundle(fields: Partial<Omit<Bundle, 'type'>> = {}): Bundle {
  return { type: 'bundle', contents: [], ...fields }
}

/** A new service of the given type with default fields. */
export function newService(type: ServiceType): Service {
  switch (type) {
    case 'oneshot':
      return oneshot()
    case 'longrun':
      return longrun()
    case 'bundle':
      return bundle()
    default: {
      const never: never = type
      return never
    }
  }
}

/** Sorted service names: every list the app prints is in this order. */
export function serviceNames(graph: ServiceGraph): ServiceName[] {
  return Object.keys(graph.services).sort(compareNames)
}

/** Name order used everywhere ties are broken: plain code-point order, locale-free. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether the graph defines `name` (own keys only: `constructor` is a fine service name). */
export function hasService(graph: ServiceGraph, name: ServiceName): boolean {
  return Object.hasOwn(graph.services, name)
}

/** The service called `name`, or undefined (never an Object.prototype member). */
export function getService(graph: ServiceGraph, name: ServiceName): Service | undefined {
  return Object.hasOwn(graph.services, name) ? graph.services[name] : undefined
}

/** Sets `record[key]` as an own property, even for keys like `__proto__`. */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** `base`, `base-2`, `base-3`…: the first name not yet taken. */
export function uniqueName(graph: ServiceGraph, base: string): ServiceName {
  const pipelines = pipelineNames(graph)
  const taken = (n: string) => hasService(graph, n) || pipelines.has(n)
  if (!taken(base)) return base
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`
    if (!taken(candidate)) return candidate
  }
}

/** Names of the automatic pipeline bundles (`pipeline-name` files). */
export function pipelineNames(graph: ServiceGraph): Set<ServiceName> {
  const names = new Set<ServiceName>()
  for (const s of Object.values(graph.services)) {
    if (s.type === 'longrun' && s.pipelineName) names.add(s.pipelineName)
  }
  return names
}

/**
 * Each pipeline name that counts (the one on a pipeline's last consumer: a longrun that reads
 * producers and sends its output nowhere) -> that consumer.
 */
export function pipelineOwners(graph: ServiceGraph): Map<ServiceName, ServiceName> {
  const owners = new Map<ServiceName, ServiceName>()
  for (const [name, s] of Object.entries(graph.services))
    if (s.type === 'longrun' && s.pipelineName && s.consumerFor?.length && !s.producerFor)
      owners.set(s.pipelineName, name)
  return owners
}

function withServices(graph: ServiceGraph, services: Record<ServiceName, Service>): ServiceGraph {
  return { ...graph, services }
}

/** Adds a service; with `inUser` (default for oneshots and longruns) it joins the `user` bundle. */
export function addService(
  graph: ServiceGraph,
  name: ServiceName,
  service: Service,
  options: { position?: XY; inUser?: boolean } = {},
): ServiceGraph {
  if (hasService(graph, name)) return graph
  const services: Record<ServiceName, Service> = { ...graph.services }
  put(services, name, service)
  const inUser = options.inUser ?? service.type !== 'bundle'
  const user = getService(graph, USER_BUNDLE)
  if (inUser && user?.type === 'bundle' && name !== USER_BUNDLE && !user.contents.includes(name)) {
    services[USER_BUNDLE] = { ...user, contents: [...user.contents, name] }
  }
  let layout = graph.layout
  if (options.position) {
    layout = { ...graph.layout }
    put(layout, name, options.position)
  }
  return { ...graph, services, layout }
}

/** Replaces one service wholesale (the inspector's edits). */
export function updateService(
  graph: ServiceGraph,
  name: ServiceName,
  service: Service,
): ServiceGraph {
  if (!hasService(graph, name) || graph.services[name] === service) return graph
  const services = { ...graph.services }
  put(services, name, service)
  return withServices(graph, services)
}

/** Sets one field of a service; other services keep their reference. */
export function setField<S extends Service, K extends keyof S & string>(
  graph: ServiceGraph,
  name: ServiceName,
  field: K,
  value: S[K] | undefined,
): ServiceGraph {
  const current = getService(graph, name) as S | undefined
  if (!current) return graph
  const next = { ...current } as S
  if (value === undefined) delete next[field]
  else next[field] = value
  return updateService(graph, name, next)
}

function renameIn(list: readonly ServiceName[], from: ServiceName, to: ServiceName): ServiceName[] {
  return list.map((n) => (n === from ? to : n))
}

/** Every name a service points at (dependencies, contents, pipeline links), renamed. */
function renameRefs(service: Service, from: ServiceName, to: ServiceName): Service {
  switch (service.type) {
    case 'bundle':
      return service.contents.includes(from)
        ? { ...service, contents: renameIn(service.contents, from, to) }
        : service
    case 'oneshot':
      return service.dependencies.includes(from)
        ? { ...service, dependencies: renameIn(service.dependencies, from, to) }
        : service
    case 'longrun': {
      const touches =
        service.dependencies.includes(from) ||
        service.producerFor === from ||
        (service.consumerFor ?? []).includes(from) ||
        service.pipelineName === from
      if (!touches) return service
      const next: Longrun = { ...service, dependencies: renameIn(service.dependencies, from, to) }
      if (service.producerFor === from) next.producerFor = to
      if (service.consumerFor) next.consumerFor = renameIn(service.consumerFor, from, to)
      if (service.pipelineName === from) next.pipelineName = to
      return next
    }
    default: {
      const never: never = service
      return never
    }
  }
}

/**
 * Renames a service (or a pipeline name) and every reference to it. Returns the graph unchanged
 * when `from` is unknown, `to` is taken, or they are equal; `user` cannot be renamed.
 */
export function renameService(
  graph: ServiceGraph,
  from: ServiceName,
  to: ServiceName,
): ServiceGraph {
  const pipelines = pipelineNames(graph)
  const isPipeline = !hasService(graph, from) && pipelines.has(from)
  if (from === to || from === USER_BUNDLE || hasService(graph, to) || pipelines.has(to)) {
    return graph
  }
  if (!hasService(graph, from) && !isPipeline) return graph
  const services: Record<ServiceName, Service> = {}
  for (const [name, service] of Object.entries(graph.services)) {
    put(services, name === from ? to : name, renameRefs(service, from, to))
  }
  const layout: Record<ServiceName, XY> = {}
  for (const [name, xy] of Object.entries(graph.layout)) put(layout, name === from ? to : name, xy)
  const project = graph.project.healthcheck?.services.includes(from)
    ? {
        ...graph.project,
        healthcheck: {
          ...graph.project.healthcheck,
          services: renameIn(graph.project.healthcheck.services, from, to),
        },
      }
    : graph.project
  return { ...graph, project, services, layout }
}

/** One reference removed along with a service, for the undoable notice. */
export interface RemovedReference {
  service: ServiceName
  /** `dependencies`, `contents`, `producerFor`, `consumerFor` or `healthcheck`. */
  field: string
  name: ServiceName
}

function dropRefs(
  service: Service,
  gone: ReadonlySet<ServiceName>,
  owner: ServiceName,
  report: RemovedReference[],
): Service {
  const keep = (field: string, list: readonly ServiceName[]) =>
    list.filter((n) => {
      if (!gone.has(n)) return true
      report.push({ service: owner, field, name: n })
      return false
    })
  switch (service.type) {
    case 'bundle': {
      if (!service.contents.some((n) => gone.has(n))) return service
      return { ...service, contents: keep('contents', service.contents) }
    }
    case 'oneshot': {
      if (!service.dependencies.some((n) => gone.has(n))) return service
      return { ...service, dependencies: keep('dependencies', service.dependencies) }
    }
    case 'longrun': {
      const touches =
        service.dependencies.some((n) => gone.has(n)) ||
        (service.producerFor !== undefined && gone.has(service.producerFor)) ||
        (service.consumerFor ?? []).some((n) => gone.has(n))
      if (!touches) return service
      const next: Longrun = { ...service, dependencies: keep('dependencies', service.dependencies) }
      if (service.producerFor !== undefined && gone.has(service.producerFor)) {
        report.push({ service: owner, field: 'producerFor', name: service.producerFor })
        delete next.producerFor
      }
      if (service.consumerFor) {
        const kept = keep('consumerFor', service.consumerFor)
        if (kept.length > 0) next.consumerFor = kept
        else {
          delete next.consumerFor
          delete next.pipelineName
        }
      }
      return next
    }
    default: {
      const never: never = service
      return never
    }
  }
}

/**
 * Removes services and every reference to them (and to their pipeline names). `user` is never
 * removed. Returns the new graph and the references it dropped, for an undoable notice.
 */
export function removeServices(
  graph: ServiceGraph,
  names: readonly ServiceName[],
): { graph: ServiceGraph; removed: ServiceName[]; references: RemovedReference[] } {
  const removed = names.filter((n) => hasService(graph, n) && n !== USER_BUNDLE)
  if (removed.length === 0) return { graph, removed: [], references: [] }
  const gone = new Set<ServiceName>(removed)
  for (const [name, s] of Object.entries(graph.services)) {
    if (s.type !== 'longrun' || !s.pipelineName) continue
    // A removed consumer takes its pipeline name along; so does one that loses every producer.
    const orphaned =
      (s.consumerFor ?? []).length > 0 && (s.consumerFor ?? []).every((p) => gone.has(p))
    if (gone.has(name) || orphaned) gone.add(s.pipelineName)
  }
  const references: RemovedReference[] = []
  const services: Record<ServiceName, Service> = {}
  for (const [name, service] of Object.entries(graph.services)) {
    if (gone.has(name)) continue
    put(services, name, dropRefs(service, gone, name, references))
  }
  const layout = { ...graph.layout }
  for (const n of removed) delete layout[n]
  let project = graph.project
  const hc = project.healthcheck
  if (hc?.services.some((n) => gone.has(n))) {
    for (const n of hc.services) {
      if (gone.has(n)) references.push({ service: '(project)', field: 'healthcheck', name: n })
    }
    project = {
      ...project,
      healthcheck: { ...hc, services: hc.services.filter((n) => !gone.has(n)) },
    }
  }
  return { graph: { ...graph, project, services, layout }, removed, references }
}

/** `from` depends on `to`. No-op for bundles, unknown services and existing edges. */
export function addDependency(
  graph: ServiceGraph,
  from: ServiceName,
  to: ServiceName,
): ServiceGraph {
  const s = getService(graph, from)
  if (!s || s.type === 'bundle' || s.dependencies.includes(to)) return graph
  return updateService(graph, from, { ...s, dependencies: [...s.dependencies, to] })
}

export function removeDependency(
  graph: ServiceGraph,
  from: ServiceName,
  to: ServiceName,
): ServiceGraph {
  const s = getService(graph, from)
  if (!s || s.type === 'bundle' || !s.dependencies.includes(to)) return graph
  return updateService(graph, from, { ...s, dependencies: s.dependencies.filter((n) => n !== to) })
}

/** Adds `member` to `bundleName`'s contents. */
export function addBundleMember(
  graph: ServiceGraph,
  bundleName: ServiceName,
  member: ServiceName,
): ServiceGraph {
  const b = getService(graph, bundleName)
  if (!b || b.type !== 'bundle' || b.contents.includes(member)) return graph
  return updateService(graph, bundleName, { ...b, contents: [...b.contents, member] })
}

export function removeBundleMember(
  graph: ServiceGraph,
  bundleName: ServiceName,
  member: ServiceName,
): ServiceGraph {
  const b = getService(graph, bundleName)
  if (!b || b.type !== 'bundle' || !b.contents.includes(member)) return graph
  return updateService(graph, bundleName, {
    ...b,
    contents: b.contents.filter((n) => n !== member),
  })
}

/** Adds an env var to a longrun (`service`) or, without one, to the container. */
export function addEnvVar(
  graph: ServiceGraph,
  variable: EnvVar,
  service?: ServiceName,
): ServiceGraph {
  if (service === undefined) {
    return { ...graph, project: { ...graph.project, env: [...graph.project.env, variable] } }
  }
  const s = getService(graph, service)
  if (!s || s.type !== 'longrun') return graph
  return updateService(graph, service, { ...s, env: [...s.env, variable] })
}

/** Removes the env var at `index` from a longrun or, without `service`, from the container. */
export function removeEnvVar(
  graph: ServiceGraph,
  index: number,
  service?: ServiceName,
): ServiceGraph {
  if (service === undefined) {
    if (index < 0 || index >= graph.project.env.length) return graph
    return {
      ...graph,
      project: { ...graph.project, env: graph.project.env.filter((_, i) => i !== index) },
    }
  }
  const s = getService(graph, service)
  if (!s || s.type !== 'longrun' || index < 0 || index >= s.env.length) return graph
  return updateService(graph, service, { ...s, env: s.env.filter((_, i) => i !== index) })
}

/** Moves a service on the canvas. */
export function moveService(graph: ServiceGraph, name: ServiceName, position: XY): ServiceGraph {
  const old = graph.layout[name]
  if (old && old.x === position.x && old.y === position.y) return graph
  return { ...graph, layout: { ...graph.layout, [name]: position } }
}

/** What `changeType` did: the new graph and the old fields it could not keep, or why not. */
export type TypeChange =
  | {
      ok: true
      graph: ServiceGraph
      /**
       * Fields of the old service the new type has no place for (only those that held more
       * than a new service's default), and `healthcheck` when the health check stopped
       * watching it.
       */
      dropped: string[]
    }
  | { ok: false; reason: string }

/** Fields every type has, and those oneshots and longruns share. */
const COMMON_FIELDS = ['description', 'essential'] as const
const ATOMIC_FIELDS = [
  ...COMMON_FIELDS,
  'dependencies',
  'timeoutUp',
  'timeoutDown',
  'withContenv',
  'estimatedUpMs',
] as const

/** Why `name`, a longrun, must stay one: the logging pipeline it is in (or undefined). */
function pipelineHold(
  graph: ServiceGraph,
  name: ServiceName,
  service: Longrun,
): string | undefined {
  const readers = new Set<ServiceName>(
    service.producerFor === undefined ? [] : [service.producerFor],
  )
  const read = new Set<ServiceName>(service.consumerFor ?? [])
  for (const [other, s] of Object.entries(graph.services)) {
    if (s.type !== 'longrun' || other === name) continue
    if (s.consumerFor?.includes(name)) readers.add(other)
    if (s.producerFor === name) read.add(other)
  }
  if (readers.size > 0)
    return `${name}'s output goes to ${[...readers].join(', ')} (a logging pipeline), and only a longrun has output to log. Remove its logger first.`
  if (read.size > 0)
    return `${name} reads the output of ${[...read].join(', ')} (a logging pipeline), and only a longrun can. Remove that logger first.`
  return undefined
}

/**
 * Makes `name` a service of another type, keeping what carries over: the description and
 * flags; between oneshot and longrun the dependencies and timeouts too, and the script (a
 * oneshot's `up` becomes the longrun's `run` and back). References to it stay as they are
 * (dependencies and members may be of any type). Refused for `user` and for a longrun in a
 * logging pipeline (only longruns can be). A longrun the health check watches leaves it.
 *
 * @example changeType(g, 'migrate', 'longrun') // { ok: true, graph, dropped: ['down'] }
 */
export function changeType(graph: ServiceGraph, name: ServiceName, type: ServiceType): TypeChange {
  const old = getService(graph, name)
  if (old === undefined || old.type === type) return { ok: true, graph, dropped: [] }
  if (name === USER_BUNDLE)
    return { ok: false, reason: 'user is what s6-overlay starts at boot: it stays a bundle.' }
  if (old.type === 'longrun') {
    const hold = pipelineHold(graph, name, old)
    if (hold !== undefined) return { ok: false, reason: hold }
  }
  const keep: readonly string[] =
    old.type !== 'bundle' && type !== 'bundle' ? ATOMIC_FIELDS : COMMON_FIELDS
  const from = old as unknown as Record<string, unknown>
  const kept = new Set(keep.filter((key) => key in from))
  const fields: Record<string, unknown> = {}
  for (const key of kept) fields[key] = from[key]
  // The script it runs: a oneshot's up is what a longrun runs, and back.
  const script = old.type === 'oneshot' ? 'up' : old.type === 'longrun' ? 'run' : undefined
  if (script !== undefined && type !== 'bundle') {
    fields[type === 'oneshot' ? 'up' : 'run'] = from[script]
    kept.add(script)
  }
  const next = { ...newService(type), ...fields } as Service
  // What is left behind is worth a word only when it differs from a new service's default.
  const fresh = newService(old.type) as unknown as Record<string, unknown>
  const dropped = Object.entries(from)
    .filter(([key]) => key !== 'type' && !kept.has(key))
    .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(fresh[key]))
    .map(([key]) => key)
  let changed = updateService(graph, name, next)
  const hc = graph.project.healthcheck
  if (old.type === 'longrun' && hc?.services.includes(name)) {
    dropped.push('healthcheck')
    const services = hc.services.filter((n) => n !== name)
    changed = { ...changed, project: { ...changed.project, healthcheck: { ...hc, services } } }
  }
  return { ok: true, graph: changed, dropped }
}
