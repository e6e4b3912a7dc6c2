/**
 * Names for services converted from s6-overlay v2 folders: derived from the file or folder
 * name, made to fit the designer's name rule (FORMAT §2), and kept clear of every name already
 * taken (the tree's services, pipeline bundles, s6-overlay's own names).
 */
import { OVERLAY_BUNDLES, OVERLAY_DEFINED, RESERVED_PREFIXES, SYSLOGD_NAMES } from './overlay'
import { pipelineNames } from './service-graph'
import type { ServiceGraph } from './types'

const MAX = 64

/**
 * A name from a file name: `30-config.sh` -> `30-config`, `my app!` -> `my-app`. Falls back to
 * `fallback` when nothing usable is left; a reserved prefix gets `v2-` in front.
 *
 * @example
 * sanitizeName('10-adduser', 'cont-init') // '10-adduser'
 */
export function sanitizeName(raw: string, fallback: string): string {
  let name = raw
    .replace(/\.(sh|bash)$/i, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, MAX)
    .replace(/[-_]+$/, '')
  if (name === '') name = fallback
  if (RESERVED_PREFIXES.some((p) => name.startsWith(p))) name = `v2-${name}`.slice(0, MAX)
  return name
}

/** Hands out unique names, remembering each one it gives. */
export class NameAllocator {
  private readonly taken: Set<string>

  constructor(graph: ServiceGraph) {
    this.taken = new Set([
      ...Object.keys(graph.services),
      ...pipelineNames(graph),
      ...OVERLAY_DEFINED,
      ...OVERLAY_BUNDLES,
      ...SYSLOGD_NAMES,
    ])
  }

  /** `wanted` sanitized, or with `-2`, `-3`… when taken. */
  allocate(wanted: string, fallback: string): string {
    const base = sanitizeName(wanted, fallback)
    let name = base
    for (let i = 2; this.taken.has(name); i++) {
      const suffix = `-${i}`
      name = `${base.slice(0, MAX - suffix.length).replace(/[-_]+$/, '')}${suffix}`
    }
    this.taken.add(name)
    return name
  }
}
