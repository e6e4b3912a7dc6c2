/**
 * Graph format migrations. A saved graph, share link or file carries `version`; each migration
 * turns version n into n + 1, and `migrateGraph` runs the chain up to GRAPH_VERSION. Bump
 * GRAPH_VERSION only together with a new entry here (and a frozen test fixture of the old
 * version).
 */
import { GRAPH_VERSION } from './types'

/** Turns a graph object of one version into the next version; may throw on bad data. */
export type Migration = (graph: Record<string, unknown>) => Record<string, unknown>

/** `MIGRATIONS[n]` migrates version n to n + 1. Version 1 is the first: nothing to do yet. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {}

export type MigrateResult =
  { ok: true; graph: Record<string, unknown>; notes: string[] } | { ok: false; error: string }

/**
 * Brings a raw graph object to the current version. A graph without `version` is read as
 * version 1; a newer version than this build knows is refused.
 *
 * @example
 * migrateGraph({ version: 1, services: {} }) // { ok: true, graph: {...}, notes: [] }
 */
export function migrateGraph(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = GRAPH_VERSION,
): MigrateResult {
  const notes: string[] = []
  let version: number
  if (raw.version === undefined) {
    version = 1
    notes.push('version: missing, read as version 1')
  } else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1) {
    version = raw.version
  } else {
    const got = typeof raw.version === 'string' ? JSON.stringify(raw.version) : String(raw.version)
    return { ok: false, error: `version: expected a whole number from 1, got ${got}` }
  }
  if (version > target) {
    return {
      ok: false,
      error: `version: this graph was made by a newer s6 Designer (format version ${version}; this one reads up to version ${target}). Open it with the newer s6 Designer.`,
    }
  }
  let graph: Record<string, unknown> = { ...raw, version }
  while (version < target) {
    const step = migrations[version]
    if (!step) return { ok: false, error: `version: no migration from format version ${version}` }
    try {
      graph = { ...step(graph), version: version + 1 }
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      return {
        ok: false,
        error: `version: migrating from format version ${version} failed (${why})`,
      }
    }
    notes.push(`migrated from format version ${version} to ${version + 1}`)
    version++
  }
  return { ok: true, graph, notes }
}
