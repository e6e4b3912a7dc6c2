// CONTRACT STUB: the "semantics" helper replaces this file's bodies (keep the exported signatures).
import type { Diagnostic, ServiceGraph, ServiceName } from './types'

export interface ValidateOptions {
  /** `overlay` (default): names like base, user, top are s6-overlay's; `plain`: bare s6-rc. */
  context?: 'overlay' | 'plain'
}

/** Every diagnostic for a graph; never throws, whatever `graph` is. */
export function validate(_graph: unknown, _options: ValidateOptions = {}): Diagnostic[] {
  return []
}

export type ConnectResult =
  | { ok: true; kind: 'dependency' | 'membership' }
  | { ok: false; reason: string }

/** Whether dragging an edge from `from` to `to` may create it, and which kind it would be. */
export function canConnect(_graph: ServiceGraph, _from: ServiceName, _to: ServiceName): ConnectResult {
  return { ok: true, kind: 'dependency' }
}

/** Why `name` cannot be used for a (new or renamed) service, or undefined when it can. */
export function nameProblem(
  _graph: ServiceGraph,
  _name: string,
  _current?: ServiceName,
): string | undefined {
  return undefined
}
