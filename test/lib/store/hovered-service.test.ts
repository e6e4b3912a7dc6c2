import { describe, expect, it } from 'vitest'
import { createEditorStore } from '@/lib/store/editor-store'

describe('editor store: hovered service', () => {
  it('starts with nothing hovered', () => {
    expect(createEditorStore().getState().ui.hoveredService).toBeUndefined()
  })

  it('sets and clears the hovered service without touching the graph or history', () => {
    const store = createEditorStore()
    const graph = store.getState().graph
    store.getState().setHoveredService('user')
    expect(store.getState().ui.hoveredService).toBe('user')
    expect(store.getState().graph).toBe(graph)
    expect(store.getState().past).toHaveLength(0)
    store.getState().setHoveredService(undefined)
    expect(store.getState().ui.hoveredService).toBeUndefined()
  })

  it('does not notify subscribers when the value is unchanged', () => {
    const store = createEditorStore()
    store.getState().setHoveredService('user')
    let calls = 0
    const stop = store.subscribe(() => calls++)
    store.getState().setHoveredService('user')
    expect(calls).toBe(0)
    store.getState().setHoveredService(undefined)
    expect(calls).toBe(1)
    stop()
  })
})
