/**
 * The graph slice: the current graph, its undo history, and one thin action per operation of
 * `lib/graph/service-graph.ts` (STYLE 5, 11). Every change goes through `commit`, which decides
 * how it enters the history: a new entry, merged into the last (typing), held until the end of
 * a gesture (dragging), or none (an automatic layout on load).
 */
import type { StateCreator } from 'zustand/vanilla'
import { addLogger, removeLogger, removeWithLoggers, renameWithLogger } from '../graph/logger'
import * as ops from '../graph/service-graph'
import type { ServiceGraph, ServiceName, XY } from '../graph/types'
import { canConnect, nameProblem } from '../graph/validate'
import { copyServices, pasteServices } from './clipboard'
import { NODE_SIZES, freeSpot } from '../graph/layout'
import type { CommitOptions, EditorState, EdgeRef, GraphSlice, Selection } from './types'
import { parseEdgeId } from './edge-ids'

export interface GraphSliceOptions {
  graph: ServiceGraph
  /** Clock for coalescing; injected so tests control it. */
  now: () => number
  /** How many undo steps are kept. */
  historyLimit: number
  /** Edits with the same coalesce key closer together than this merge into one entry. */
  coalesceMs: number
  /** An entry stops taking merges once it spans this long. */
  coalesceMaxMs: number
}

function push(stack: ServiceGraph[], graph: ServiceGraph, limit: number): ServiceGraph[] {
  const next = [...stack, graph]
  return next.length > limit ? next.slice(next.length - limit) : next
}

/** Whether two records hold the same values: `same` is asked only for entries not identical. */
function sameRecord<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  same: (x: T, y: T) => boolean,
): boolean {
  if (a === b) return true
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.hasOwn(b, k) && (a[k] === b[k] || same(a[k]!, b[k]!)))
}

const sameJson = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)

const samePoint = (p: XY | undefined, q: XY | undefined) => p?.x === q?.x && p?.y === q?.y

/**
 * Whether `b` is the graph `a` is, positions included, though made anew: an auto-layout that
 * moved nothing, the current value picked again (recent.ts's sameDesign leaves positions out, to
 * tell designs apart). Cheap, as edits leave what they do not change identical: only the
 * services and project values that are new objects are compared by value.
 */
function sameGraph(a: ServiceGraph, b: ServiceGraph): boolean {
  if (a === b) return true
  return (
    a.version === b.version &&
    sameRecord(a.layout, b.layout, samePoint) &&
    sameRecord(a.services, b.services, sameJson) &&
    sameRecord(
      a.project as unknown as Record<string, unknown>,
      b.project as unknown as Record<string, unknown>,
      sameJson,
    )
  )
}

/** The selection without names the graph no longer has (same object when nothing changed). */
export function pruneSelection(selection: Selection, graph: ServiceGraph): Selection {
  const exists = (n: ServiceName) => n in graph.services
  const edgeExists = (id: string) => {
    const e = parseEdgeId(id)
    return e !== undefined && exists(e.from)
  }
  if (selection.services.every(exists) && selection.edges.every(edgeExists)) return selection
  return { services: selection.services.filter(exists), edges: selection.edges.filter(edgeExists) }
}

/** At most this many services changed by an undo or redo are selected to show them. */
const REVEAL_LIMIT = 20

/**
 * The selection after undo or redo goes from `from` to `to`. A rename going back or forth (one
 * service gone, one come) carries the selection over to the other name, so the inspector stays
 * on the service. Otherwise what the step changed is selected, so the user sees it: services
 * that came back, or else the services (and positions) it changed; a step that only took
 * services away, or changed none (project settings), keeps the selection without them.
 */
export function selectionAcross(
  selection: Selection,
  from: ServiceGraph,
  to: ServiceGraph,
): Selection {
  const selected = selection.services
  const gone = Object.keys(from.services).filter((n) => !(n in to.services))
  const come = Object.keys(to.services).filter((n) => !(n in from.services))
  if (
    selected.length === 1 &&
    !(selected[0]! in to.services) &&
    gone.length === 1 &&
    come.length === 1 &&
    gone[0] === selected[0]
  )
    return { services: [come[0]!], edges: [] }
  const reveal = (names: ServiceName[]): Selection =>
    names.length > 0 && names.length <= REVEAL_LIMIT
      ? { services: names, edges: [] }
      : pruneSelection(selection, to)
  if (come.length > 0) return reveal(come)
  if (gone.length > 0) return pruneSelection(selection, to)
  return reveal(
    Object.keys(to.services).filter(
      (n) => to.services[n] !== from.services[n] || !samePoint(from.layout[n], to.layout[n]),
    ),
  )
}

export function createGraphSlice(
  options: GraphSliceOptions,
): StateCreator<EditorState, [], [], GraphSlice> {
  const { now, historyLimit, coalesceMs, coalesceMaxMs } = options
  return (set, get) => {
    const commit = (next: ServiceGraph, opts: CommitOptions = {}) =>
      set((s) => {
        if (next === s.graph) return s
        // A change that changes nothing is no undo step (a drag is compared once, at its end).
        if (!opts.transient && sameGraph(s.graph, next)) return s
        const selection = pruneSelection(s.selection, next)
        const revision = s.revision + 1
        if (opts.history === false) return { graph: next, revision, selection }
        if (opts.transient) {
          return { graph: next, revision, selection, gestureBase: s.gestureBase ?? s.graph }
        }
        let past = s.past
        if (s.gestureBase !== undefined && s.gestureBase !== s.graph) {
          past = push(past, s.gestureBase, historyLimit)
        }
        const at = now()
        const last = s.lastCommit
        const merge =
          opts.coalesce !== undefined &&
          s.gestureBase === undefined &&
          last?.key === opts.coalesce &&
          at - last.at <= coalesceMs &&
          at - last.since <= coalesceMaxMs &&
          past.length > 0
        if (!merge) past = push(past, s.graph, historyLimit)
        return {
          graph: next,
          past,
          future: [],
          revision,
          selection,
          gestureBase: undefined,
          lastCommit:
            opts.coalesce !== undefined
              ? { key: opts.coalesce, at, since: merge && last ? last.since : at }
              : undefined,
        }
      })

    const graph = () => get().graph

    return {
      graph: options.graph,
      past: [],
      future: [],
      revision: 0,
      lastCommit: undefined,
      gestureBase: undefined,
      checkedGraph: options.graph,

      commit,
      markChecked: () => set((s) => (s.checkedGraph === s.graph ? s : { checkedGraph: s.graph })),
      endGesture: () =>
        set((s) => {
          if (s.gestureBase === undefined) return s
          if (sameGraph(s.gestureBase, s.graph)) return { gestureBase: undefined }
          return {
            past: push(s.past, s.gestureBase, historyLimit),
            future: [],
            gestureBase: undefined,
            lastCommit: undefined,
          }
        }),
      endCoalescing: () => set((s) => (s.lastCommit === undefined ? s : { lastCommit: undefined })),
      undo: () => {
        get().endGesture()
        set((s) => {
          const previous = s.past[s.past.length - 1]
          if (previous === undefined) return s
          return {
            graph: previous,
            past: s.past.slice(0, -1),
            future: [...s.future, s.graph],
            revision: s.revision + 1,
            lastCommit: undefined,
            selection: selectionAcross(s.selection, s.graph, previous),
            ui: {
              ...s.ui,
              revealRequest: s.ui.revealRequest + 1,
              announcement: { text: 'Undone.', nonce: (s.ui.announcement?.nonce ?? 0) + 1 },
            },
          }
        })
      },
      redo: () => {
        get().endGesture()
        set((s) => {
          const next = s.future[s.future.length - 1]
          if (next === undefined) return s
          return {
            graph: next,
            past: push(s.past, s.graph, historyLimit),
            future: s.future.slice(0, -1),
            revision: s.revision + 1,
            lastCommit: undefined,
            selection: selectionAcross(s.selection, s.graph, next),
            ui: {
              ...s.ui,
              revealRequest: s.ui.revealRequest + 1,
              announcement: { text: 'Redone.', nonce: (s.ui.announcement?.nonce ?? 0) + 1 },
            },
          }
        })
      },

      addService: (type, opts = {}) => {
        const name = ops.uniqueName(graph(), opts.name ?? type)
        const service = opts.service ?? ops.newService(type)
        commit(
          ops.addService(graph(), name, service, opts.position ? { position: opts.position } : {}),
        )
        if (opts.select !== false) set({ selection: { services: [name], edges: [] } })
        return name
      },
      renameService: (from, to) => {
        if (from === to) return true
        if (nameProblem(graph(), to, from) !== undefined) return false
        const { graph: next, renamed, directory } = renameWithLogger(graph(), from, to)
        if (next === graph()) return false
        const names = new Map([[from, to], ...renamed])
        const before = get().selection
        commit(next)
        set({
          selection: { edges: [], services: before.services.map((n) => names.get(n) ?? n) },
        })
        if (renamed.length > 0) {
          const list = renamed.map(([a, b]) => `${a} → ${b}`).join(', ')
          const folder = directory ? ` Its logs now go to ${directory}.` : ''
          get().showNotice({
            message: `${from}'s logger was renamed with it: ${list}.${folder}`,
            tone: 'info',
            action: { label: 'Undo', kind: 'undo' },
          })
        }
        return true
      },
      updateService: (name, service, opts) =>
        commit(ops.updateService(graph(), name, service), opts),
      changeType: (name, type) => {
        const result = ops.changeType(graph(), name, type)
        if (result.ok) commit(result.graph)
        return result
      },
      setProject: (patch, opts) => {
        const g = graph()
        commit({ ...g, project: { ...g.project, ...patch } }, opts)
      },
      removeServices: (names) => get().deleteElements(names, []),
      deleteElements: (names, edges) => {
        let g = graph()
        const gone = new Set(names)
        // A removed logger's pipeline name goes with it (removeWithLoggers puts its producer
        // back in user): its membership edge, deleted along with the node, is not removed first.
        for (const n of names) {
          const s = g.services[n]
          if (s?.type === 'longrun' && s.pipelineName !== undefined) gone.add(s.pipelineName)
        }
        for (const e of edges) {
          if (gone.has(e.from) || gone.has(e.to)) continue
          g =
            e.kind === 'dependency'
              ? ops.removeDependency(g, e.from, e.to)
              : ops.removeBundleMember(g, e.from, e.to)
        }
        const result = removeWithLoggers(g, names)
        commit(result.graph)
        set((s) => ({
          selection: { services: s.selection.services.filter((n) => !gone.has(n)), edges: [] },
        }))
        return { removed: result.removed, references: result.references }
      },
      connect: (from, to) => {
        const g = graph()
        const result = canConnect(g, from, to)
        if (result.ok) {
          commit(
            result.kind === 'membership'
              ? ops.addBundleMember(g, from, to)
              : ops.addDependency(g, from, to),
          )
        }
        return result
      },
      disconnect: (edge: EdgeRef) => {
        const g = graph()
        commit(
          edge.kind === 'dependency'
            ? ops.removeDependency(g, edge.from, edge.to)
            : ops.removeBundleMember(g, edge.from, edge.to),
        )
      },
      moveServices: (positions, opts) => {
        let g = graph()
        for (const [name, xy] of Object.entries(positions)) g = ops.moveService(g, name, xy)
        commit(g, opts)
      },
      setLayout: (layout, opts) => {
        const g = graph()
        commit({ ...g, layout: { ...g.layout, ...layout } }, opts)
      },
      addLogger: (producer) => commit(addLogger(graph(), producer)),
      removeLogger: (producer) => commit(removeLogger(graph(), producer)),
      loadGraph: (next, opts = {}) => {
        if (opts.reset) {
          set((s) => ({
            graph: next,
            past: [],
            future: [],
            revision: s.revision + 1,
            lastCommit: undefined,
            gestureBase: undefined,
            selection: { services: [], edges: [] },
          }))
        } else {
          commit(next)
          set({ selection: { services: [], edges: [] } })
        }
        get().requestFitView()
      },
      paste: (fragment, opts = {}) => {
        const result = pasteServices(graph(), fragment, opts)
        commit(result.graph)
        set({ selection: { services: result.names, edges: [] } })
        return result.names
      },
      duplicate: (names) => {
        const g = graph()
        const own = names.filter((n) => n !== ops.USER_BUNDLE && Object.hasOwn(g.services, n))
        if (own.length === 0) return []
        const fragment = copyServices(g, own)
        const only = own.length === 1 ? own[0]! : undefined
        const at = only === undefined ? undefined : g.layout[only]
        if (only === undefined || at === undefined) return get().paste(fragment)
        // A lone copy goes to the free spot nearest to just below its original.
        const type = g.services[only]!.type
        const size = NODE_SIZES[type]
        const spot = freeSpot(
          g,
          { x: at.x + size.width / 2, y: at.y + size.height * 1.5 + 24 },
          type,
        )
        return get().paste(fragment, { offset: { x: spot.x - at.x, y: spot.y - at.y } })
      },
    }
  }
}
