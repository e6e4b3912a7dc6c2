/**
 * Naming rules (FORMAT §2): what s6-rc-compile refuses, what the designer refuses on top (it
 * generates paths and scripts from names), and the names s6-overlay already uses.
 */
import { OVERLAY_BUNDLES, OVERLAY_DEFINED, RESERVED_PREFIXES, SYSLOGD_NAMES } from '../overlay'
import { USER_BUNDLE, compareNames, pipelineNames } from '../service-graph'
import type { ServiceGraph, ServiceName } from '../types'
import type { Findings } from './report'
import { show } from './report'
import type { Shaped } from './shape'

/** The designer's name rule: letters, digits, "-" and "_", starting with a letter or digit. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export interface NameIssue {
  code: 'invalid-name' | 'unsafe-name' | 'reserved-name' | 'carriage-return'
  /** Completes "<subject> ...", for example "contains a slash". */
  problem: string
}

/** Why a name cannot be used, judged on its own (not against other names). */
export function nameIssue(name: string): NameIssue | undefined {
  if (name === '') return { code: 'invalid-name', problem: 'is empty' }
  if (name.includes('\r')) return { code: 'carriage-return', problem: 'contains a carriage return' }
  if (name.includes('\n')) return { code: 'invalid-name', problem: 'contains a line break' }
  if (name.includes('/'))
    return {
      code: 'invalid-name',
      problem: 'contains a slash, which cannot be part of a directory name',
    }
  if (name.includes('\0')) return { code: 'invalid-name', problem: 'contains a NUL byte' }
  if (name.startsWith('.'))
    return { code: 'invalid-name', problem: 'starts with a dot, so s6-rc would skip it' }
  let prefix: string | undefined
  for (const p of RESERVED_PREFIXES) if (name.startsWith(p)) prefix = p
  if (prefix)
    return {
      code: 'reserved-name',
      problem: `starts with "${prefix}", which s6-rc reserves for itself`,
    }
  if (NAME_PATTERN.test(name)) return undefined
  if (/\s/.test(name)) return { code: 'unsafe-name', problem: 'contains a space or tab' }
  if (/[^\x00-\x7f]/.test(name))
    return { code: 'unsafe-name', problem: 'contains non-ASCII characters' }
  if (name.length > 64)
    return { code: 'unsafe-name', problem: `is ${name.length} characters long; the limit is 64` }
  if (!/^[A-Za-z0-9]/.test(name))
    return { code: 'unsafe-name', problem: 'must start with a letter or a digit' }
  const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].join(' ')
  return {
    code: 'unsafe-name',
    problem: `contains characters other than letters, digits, "-" and "_" (${bad})`,
  }
}

/** Whether s6-overlay defines `name` itself (base, top, user…), so a graph may depend on it. */
export function isOverlayName(name: string): boolean {
  return (
    (OVERLAY_DEFINED as readonly string[]).includes(name) ||
    (OVERLAY_BUNDLES as readonly string[]).includes(name)
  )
}

/**
 * Why `name` may not be used for a new or renamed service, or undefined. `current` is the
 * service being renamed (keeping its name is fine). user2 is refused too: it is s6-overlay's.
 */
export function nameProblemFor(
  graph: ServiceGraph,
  name: string,
  current?: ServiceName,
): string | undefined {
  if (current !== undefined && name === current) return undefined
  const issue = nameIssue(name)
  if (issue) return `The name ${issue.problem}.`
  if ((OVERLAY_DEFINED as readonly string[]).includes(name))
    return `${name} is one of s6-overlay's own services.`
  if ((OVERLAY_BUNDLES as readonly string[]).includes(name))
    return `${name} is one of s6-overlay's boot bundles.`
  if (Object.hasOwn(graph.services, name)) return `${name} is already the name of a service.`
  if (pipelineNames(graph).has(name)) return `${name} is already the name of a pipeline.`
  return undefined
}

/** Name rules over the whole graph: service names, pipeline names, overlay names, `user`. */
export function checkNames(shaped: Shaped, overlay: boolean, out: Findings): void {
  const { graph, raw, malformed } = shaped
  const all = malformed.size > 0 ? [...raw.keys(), ...malformed].sort(compareNames) : shaped.names
  for (const name of all) {
    const issue = nameIssue(name)
    if (issue) {
      out.add({
        code: issue.code,
        service: name,
        field: 'name',
        message: `The service name ${show(name)} ${issue.problem}.`,
      })
      continue
    }
    if (overlay && (OVERLAY_DEFINED as readonly string[]).includes(name)) {
      out.add({
        code: 'overlay-name',
        service: name,
        field: 'name',
        message: `${name} is defined by s6-overlay itself; defining it again makes s6-rc-compile fail with "duplicate service definition".`,
        fix: `Rename ${name}; to run after cont-init.d, depend on base instead.`,
      })
    }
    if (overlay && (SYSLOGD_NAMES as readonly string[]).includes(name)) {
      out.add({
        code: 'syslogd-name',
        service: name,
        field: 'name',
        message: `${name} clashes with s6-overlay's syslogd overlay, if the image installs it.`,
      })
    }
  }
  if (overlay) {
    for (const bundleName of OVERLAY_BUNDLES) {
      const s = graph.services[bundleName]
      if (Object.hasOwn(graph.services, bundleName) && s && s.type !== 'bundle') {
        out.add({
          code: 'overlay-bundle-type',
          service: bundleName,
          field: 'type',
          file: 'type',
          message: `${bundleName} is one of s6-overlay's boot bundles, but here it is a ${s.type}.`,
        })
      }
    }
    if (!Object.hasOwn(graph.services, USER_BUNDLE) && !malformed.has(USER_BUNDLE)) {
      out.add({
        code: 'missing-user-bundle',
        message: 'The graph has no user bundle, so nothing would start at boot.',
      })
    }
  }
  checkPipelineNames(shaped, overlay, out)
  checkCaseClashes(shaped, out)
}

/** The names of `list` other than `name`, shown and joined for a message. */
function othersIn(list: readonly ServiceName[], name: ServiceName): string {
  return list
    .filter((n) => n !== name)
    .map(show)
    .join(', ')
}

/**
 * Names that differ only in case (web, WEB): s6 on Linux tells them apart, but on macOS and
 * Windows, where people keep and check out the repository, their folders are one folder.
 */
function checkCaseClashes(shaped: Shaped, out: Findings): void {
  // Two names that differ only in case cannot both be lower case: only names with an upper-case
  // letter can clash, and they are few or none, so only they and their lower-case forms are kept.
  const { graph } = shaped
  const lower = new Map<string, ServiceName[]>()
  for (const name of shaped.names) {
    const key = name.toLowerCase()
    if (key !== name) {
      const list = lower.get(key)
      if (list) list.push(name)
      else lower.set(key, Object.hasOwn(graph.services, key) ? [key, name] : [name])
    }
  }
  let seen: ServiceName[][] | undefined
  for (const list of lower.values()) if (list.length > 1) (seen ??= []).push(list.sort())
  if (!seen) return
  for (const names of seen) {
    for (const name of names) {
      const others = othersIn(names, name)
      out.add({
        code: 'name-case-clash',
        service: name,
        field: 'name',
        message: `${show(name)} differs from ${others} only in case: on macOS and Windows their folders are one, so a checkout of the export loses one of them.`,
      })
    }
  }
}

function checkPipelineNames(shaped: Shaped, overlay: boolean, out: Findings): void {
  const { graph, malformed } = shaped
  const owners = new Map<ServiceName, ServiceName[]>()
  for (const name of shaped.names) {
    const s = graph.services[name]!
    if (s.type !== 'longrun' || s.pipelineName === undefined) continue
    const p = s.pipelineName
    const issue = nameIssue(p)
    if (issue) {
      out.add({
        code: issue.code,
        service: name,
        field: 'pipelineName',
        file: 'pipeline-name',
        message: `${show(name)}'s pipeline name ${show(p)} ${issue.problem}.`,
      })
      continue
    }
    if ((s.consumerFor ?? []).length === 0 || s.producerFor) continue
    owners.set(p, [...(owners.get(p) ?? []), name])
    const clash =
      Object.hasOwn(graph.services, p) || malformed.has(p)
        ? 'a service'
        : overlay && isOverlayName(p)
          ? 'an s6-overlay service'
          : undefined
    if (clash) {
      out.add({
        code: 'duplicate-name',
        service: name,
        field: 'pipelineName',
        file: 'pipeline-name',
        message: `${show(name)}'s pipeline name ${show(p)} is also the name of ${clash}; s6-rc-compile refuses the duplicate.`,
      })
    }
  }
  for (const [p, list] of owners) {
    if (list.length < 2) continue
    for (const name of list) {
      const others = othersIn(list, name)
      out.add({
        code: 'duplicate-name',
        service: name,
        field: 'pipelineName',
        file: 'pipeline-name',
        message: `${show(name)}'s pipeline name ${show(p)} is also the pipeline name of ${others}.`,
      })
    }
  }
}
