/**
 * The process tree an s6-overlay container shows in `ps` once booted: s6-svscan as PID 1 (`/init`
 * sets the container up and then becomes it, through s6-linux-init), one s6-supervise per
 * supervised service, each with its daemon and the children the graph declares.
 */
import { BOOT_TARGET } from '../graph/overlay'
import { closureIds, resolveGraph } from '../graph/resolve'
import { ownService } from './plan-graph'
import type { Longrun, ServiceGraph, ServiceName } from '../graph/types'
import type { ProcessNode } from './plan'

/** What s6 itself supervises in every s6-overlay container, with the daemon each runs. */
const INTERNAL_SERVICES: readonly [string, string][] = [
  ['s6-linux-init-shutdownd', 's6-linux-init-shutdownd'],
  ['s6rc-fdholder', 's6-fdholderd'],
  ['s6rc-oneshot-runner', 's6-ipcserverd'],
]

const WRAPPERS: readonly [RegExp, number][] = [
  [/^with-contenv$/, 0],
  [/^s6-envdir$/, 1],
  [/^s6-setuidgid$/, 1],
  [/^fdmove$/, 2],
]

/**
 * What `ps` would show for a longrun's daemon when the graph does not say: the command its
 * `run` script execs last, without the usual chain-loading wrappers. Undefined when unclear.
 */
export function processLabel(service: Longrun): string | undefined {
  const lines = service.run.body.replace(/\\\r?\n/g, ' ').split('\n')
  let command: string | undefined
  // The last exec line (sh) or the last line (execline), skipping blanks and comments.
  for (let i = lines.length - 1; i >= 0 && command === undefined; i--) {
    const line = lines[i]!.trim()
    if (line === '' || line.startsWith('#')) continue
    if (service.run.language === 'execline') command = line
    else if (/^exec\s+\S/.test(line) && !/^exec\s+[0-9]*[<>]/.test(line)) {
      command = line.replace(/^exec\s+/, '')
    }
  }
  if (!command) return undefined
  let words = command.split(/\s+/).filter((w) => !/^[0-9]*[<>]&?[0-9]*$/.test(w))
  for (let changed = true; changed && words.length > 0;) {
    changed = false
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
      words = words.slice(1)
      changed = true
      continue
    }
    for (const [pattern, args] of WRAPPERS) {
      if (pattern.test(words[0]!)) {
        const skip = words[0] === 'fdmove' && words[1] === '-c' ? 3 : args
        words = words.slice(1 + skip)
        changed = true
        break
      }
    }
  }
  if (words[0] === 'logutil-service' && words[1]) return `s6-log ${words[1]}`
  const label = words.join(' ').replace(/["']/g, '')
  if (label === '') return undefined
  return label.length > 60 ? `${label.slice(0, 57)}...` : label
}

function supervised(name: ServiceName, service: Longrun): ProcessNode {
  const isLogger = (service.consumerFor ?? []).length > 0
  const children: ProcessNode[] = (service.children ?? []).map((child) => {
    const node: ProcessNode = {
      label: child.name,
      kind: 'child',
      service: name,
      quiet: false,
      children: [],
    }
    if (child.count !== undefined) node.count = child.count
    return node
  })
  const daemon: ProcessNode = {
    label: service.process || processLabel(service) || name,
    kind: isLogger ? 'logger' : 'process',
    service: name,
    quiet: false,
    children,
  }
  return {
    label: `s6-supervise ${name}`,
    kind: 'supervise',
    service: name,
    quiet: false,
    children: [daemon],
  }
}

/**
 * s6-svscan (PID 1, what `/init` became) -> s6's internal supervisors (quiet) and one s6-supervise per
 * longrun (sorted by name): for what the boot starts (`top`) with its daemon (`process`, else
 * derived from `run`; kind `logger` for pipeline consumers) and its declared children; for a
 * longrun the boot does not start, `idle`, with nothing under it (s6-rc-init supervises every
 * longrun of the database, held down). s6-fdholderd runs only when a pipeline needs it.
 */
export function buildProcessTree(graph: ServiceGraph): ProcessNode {
  const r = resolveGraph(graph, { context: 'overlay' })
  const top = r.ids.get(BOOT_TARGET)
  const booted = new Set(top === undefined ? [] : closureIds(r, [top]))
  // Every service of a pipeline depends on s6rc-fdholder (FORMAT §3): s6-rc starts it for them.
  const piped = [...booted].some((id) => {
    const s = ownService(r, id)
    return (
      s?.type === 'longrun' && (s.producerFor !== undefined || (s.consumerFor ?? []).length > 0)
    )
  })
  const internal: ProcessNode[] = INTERNAL_SERVICES.map(([service, daemon]) => ({
    label: `s6-supervise ${service}`,
    kind: 'internal',
    quiet: true,
    children:
      service === 's6rc-fdholder' && !piped
        ? []
        : [{ label: daemon, kind: 'internal', quiet: true, children: [] }],
  }))
  const services: ProcessNode[] = []
  for (let id = 0; id < r.names.length; id++) {
    const service = ownService(r, id)
    if (service?.type !== 'longrun') continue
    const name = r.names[id]!
    services.push(
      booted.has(id)
        ? supervised(name, service)
        : {
            label: `s6-supervise ${name}`,
            kind: 'supervise',
            service: name,
            quiet: false,
            idle: true,
            children: [],
          },
    )
  }
  services.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
  return {
    label: 's6-svscan /run/service',
    kind: 'init',
    quiet: false,
    children: [...internal, ...services],
  }
}
