// CONTRACT STUB: the "read-tree and CLI" helper implements this (keep the exported signatures).
import type { ServiceGraph } from './types'

export type ParseResult =
  | { ok: true; graph: ServiceGraph; notes: string[] }
  | { ok: false; error: string }

/**
 * Turns untrusted data (a graph JSON file, a saved state, a decoded link) into a ServiceGraph:
 * migrates older versions, fills defaults, and refuses wrong shapes with one clear message.
 * Never throws.
 */
export function parseGraph(input: unknown): ParseResult {
  return { ok: true, graph: input as ServiceGraph, notes: [] }
}
