import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGraph, longrun } from '@/lib/graph/service-graph'
import { attachAutosave } from '@/lib/store/autosave'
import { createEditorStore } from '@/lib/store/editor-store'
import {
  type KeyValueStorage,
  STORAGE_KEYS,
  readSavedState,
  serializeState,
  writeSavedState,
} from '@/lib/store/persistence'
import { memoryStorage } from '../../fixtures/storage'

describe('saved state', () => {
  it('reads back exactly what was written, viewport included', () => {
    const storage = memoryStorage()
    const g = createGraph({ name: 'shop' })
    const graph = {
      ...g,
      services: { ...g.services, web: longrun() },
      layout: { web: { x: 16, y: 32 } },
    }
    writeSavedState(storage, { graph, viewport: { x: 1, y: 2, zoom: 1.5 } })
    const loaded = readSavedState(storage)
    expect(loaded.kind).toBe('ok')
    if (loaded.kind !== 'ok') return
    expect(loaded.graph).toEqual(graph)
    expect(loaded.viewport).toEqual({ x: 1, y: 2, zoom: 1.5 })
  })

  it('reports nothing saved as empty', () => {
    expect(readSavedState(memoryStorage()).kind).toBe('empty')
  })

  it('reports text that is not JSON as unreadable and keeps the raw text', () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEYS.autosave, '{"v":1,"graph":')
    const loaded = readSavedState(storage)
    expect(loaded).toMatchObject({ kind: 'unreadable', raw: '{"v":1,"graph":' })
  })

  it('reports an envelope from another version as unreadable', () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEYS.autosave, JSON.stringify({ v: 0, graph: createGraph() }))
    const loaded = readSavedState(storage)
    expect(loaded.kind).toBe('unreadable')
    if (loaded.kind === 'unreadable') expect(loaded.reason).toMatch(/older version/)
  })

  it('reports a graph parseGraph refuses as unreadable, with its reason', () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEYS.autosave, JSON.stringify({ v: 1, graph: { services: 3 } }))
    const loaded = readSavedState(storage)
    expect(loaded.kind).toBe('unreadable')
    if (loaded.kind === 'unreadable') expect(loaded.reason).toMatch(/damaged: services/)
  })

  it('treats a storage that throws as empty', () => {
    const storage: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => undefined,
    }
    expect(readSavedState(storage).kind).toBe('empty')
    expect(writeSavedState(storage, { graph: createGraph() })).toBe(false)
  })
})

describe('attachAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('saves once after a burst of changes, and restores the same graph', () => {
    const storage = memoryStorage()
    const store = createEditorStore()
    const autosave = attachAutosave(store, storage, { delayMs: 250 })
    const setItem = vi.spyOn(storage, 'setItem')
    store.getState().addService('longrun')
    store.getState().addService('oneshot')
    store.getState().setViewport({ x: 5, y: 6, zoom: 0.8 })
    expect(setItem).not.toHaveBeenCalled()
    vi.advanceTimersByTime(250)
    expect(setItem).toHaveBeenCalledTimes(1)
    const restored = readSavedState(storage)
    expect(restored.kind === 'ok' && restored.graph).toEqual(store.getState().graph)
    expect(restored.kind === 'ok' && restored.viewport).toEqual({ x: 5, y: 6, zoom: 0.8 })
    autosave.dispose()
  })

  it('writes at once on flush and ignores selection changes', () => {
    const storage = memoryStorage()
    const store = createEditorStore()
    const autosave = attachAutosave(store, storage, { delayMs: 250 })
    store.getState().addService('bundle')
    autosave.flush()
    expect(storage.data.get(STORAGE_KEYS.autosave)).toBe(
      serializeState({ graph: store.getState().graph, viewport: undefined }),
    )
    const setItem = vi.spyOn(storage, 'setItem')
    store.getState().clearSelection()
    vi.advanceTimersByTime(1000)
    expect(setItem).not.toHaveBeenCalled()
    autosave.dispose()
  })
})
