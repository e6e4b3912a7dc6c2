/** The selection slice: which services and edges are selected on the canvas. */
import type { StateCreator } from 'zustand/vanilla'
import type { EditorState, SelectionSlice } from './types'

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selection: { services: [], edges: [] },
  setSelection: (selection) =>
    set((s) => {
      const next = { ...s.selection, ...selection }
      const same =
        sameList(next.services, s.selection.services) && sameList(next.edges, s.selection.edges)
      return same ? s : { selection: next }
    }),
  selectService: (name, options = {}) =>
    set((s) => {
      if (!(name in s.graph.services)) return s
      if (!options.additive) return { selection: { services: [name], edges: [] } }
      if (s.selection.services.includes(name)) return s
      return { selection: { ...s.selection, services: [...s.selection.services, name] } }
    }),
  selectAll: () =>
    set((s) => ({ selection: { services: Object.keys(s.graph.services), edges: [] } })),
  clearSelection: () =>
    set((s) =>
      s.selection.services.length === 0 && s.selection.edges.length === 0
        ? s
        : { selection: { services: [], edges: [] } },
    ),
})

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
