/**
 * Copy and paste of services as graph JSON. A copied selection is itself a ServiceGraph (only the
 * selected services, their positions, and a `user` bundle listing those of them that boot), so
 * it can travel to another tab or file and be read back through `parseGraph`.
 */
import { USER_BUNDLE, addService, bundle, createGraph, uniqueName } from '../graph/service-graph'
import type { Service, ServiceGraph, ServiceName, XY } from '../graph/types'

/**
 * A fragment graph holding `names` (never `user` itself) and their positions.
 *
 * @example copyServices(graph, ['web']).services // { user: { contents: ['web'] }, web: {...} }
 */
export function copyServices(graph: ServiceGraph, names: readonly ServiceName[]): ServiceGraph {
  const fragment = createGraph(graph.project)
  const picked = names.filter((n) => n !== USER_BUNDLE && n in graph.services)
  const user = graph.services[USER_BUNDLE]
  const booted = user?.type === 'bundle' ? user.contents : []
  const services: Record<ServiceName, Service> = {
    [USER_BUNDLE]: bundle({ contents: picked.filter((n) => booted.includes(n)) }),
  }
  const layout: Record<ServiceName, XY> = {}
  for (const name of picked) {
    services[name] = graph.services[name] as Service
    const xy = graph.layout[name]
    if (xy) layout[name] = xy
  }
  return { ...fragment, services, layout }
}

function mapName(map: ReadonlyMap<ServiceName, ServiceName>, name: ServiceName): ServiceName {
  return map.get(name) ?? name
}

/** A service with every name it points at passed through `map`. */
function remapRefs(service: Service, map: ReadonlyMap<ServiceName, ServiceName>): Service {
  const m = (n: ServiceName) => mapName(map, n)
  switch (service.type) {
    case 'bundle':
      return { ...service, contents: service.contents.map(m) }
    case 'oneshot':
      return { ...service, dependencies: service.dependencies.map(m) }
    case 'longrun': {
      const next = { ...service, dependencies: service.dependencies.map(m) }
      if (service.producerFor !== undefined) next.producerFor = m(service.producerFor)
      if (service.consumerFor) next.consumerFor = service.consumerFor.map(m)
      if (service.pipelineName !== undefined) next.pipelineName = m(service.pipelineName)
      return next
    }
    default: {
      const never: never = service
      return never
    }
  }
}

/**
 * Adds a fragment's services to `graph`. Names already taken get the next free name
 * (`web` → `web-2`) and references inside the fragment follow; references to services outside
 * the fragment are kept as they are. Positions move by `offset`. Members of the fragment's `user`
 * bundle join the graph's `user` bundle.
 */
export function pasteServices(
  graph: ServiceGraph,
  fragment: ServiceGraph,
  options: { offset?: XY } = {},
): { graph: ServiceGraph; names: ServiceName[] } {
  const offset = options.offset ?? { x: 40, y: 40 }
  const incoming = Object.keys(fragment.services).filter((n) => n !== USER_BUNDLE)
  const map = new Map<ServiceName, ServiceName>()
  // Reserve each new name in a scratch graph so two pasted services never get the same one.
  let scratch = graph
  const reserve = (name: ServiceName) => {
    const fresh = uniqueName(scratch, name)
    map.set(name, fresh)
    scratch = { ...scratch, services: { ...scratch.services, [fresh]: bundle() } }
  }
  for (const name of incoming) reserve(name)
  for (const name of incoming) {
    const s = fragment.services[name]
    if (s?.type === 'longrun' && s.pipelineName !== undefined && !map.has(s.pipelineName)) {
      reserve(s.pipelineName)
    }
  }
  let next = graph
  const names: ServiceName[] = []
  for (const name of incoming) {
    const service = fragment.services[name] as Service
    const fresh = mapName(map, name)
    const xy = fragment.layout[name]
    const position = xy ? { x: xy.x + offset.x, y: xy.y + offset.y } : undefined
    next = addService(next, fresh, remapRefs(service, map), {
      inUser: false,
      ...(position ? { position } : {}),
    })
    names.push(fresh)
  }
  const fragmentUser = fragment.services[USER_BUNDLE]
  const user = next.services[USER_BUNDLE]
  if (fragmentUser?.type === 'bundle' && user?.type === 'bundle') {
    const joining = fragmentUser.contents
      .map((n) => mapName(map, n))
      .filter((n) => !user.contents.includes(n))
    if (joining.length > 0) {
      next = {
        ...next,
        services: {
          ...next.services,
          [USER_BUNDLE]: { ...user, contents: [...user.contents, ...joining] },
        },
      }
    }
  }
  return { graph: next, names }
}
