import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseGraph } from '@/lib/graph/parse'
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
import { addRecent, readRecent } from '@/lib/store/recent'
import { memoryStorage } from '../../fixtures/storage'

describe('saved state', () => {
  it('keeps whatever the editor lets the user make: a 150 KB script that a link refuses', () => {
    const storage = memoryStorage()
    const g = createGraph({ name: 'big' })
    const body = `exec app ${'x'.repeat(150 * 1024)}`
    const graph = {
      ...g,
      services: { ...g.services, web: longrun({ run: { language: 'sh' as const, body } }) },
    }
    expect(parseGraph(graph).ok).toBe(false)
    writeSavedState(storage, { graph })
    const loaded = readSavedState(storage)
    expect(loaded.kind).toBe('ok')
    if (loaded.kind === 'ok') expect(loaded.graph.services.web).toMatchObject({ run: { body } })
    expect(addRecent(storage, graph, { reason: 'new', now: 1 }).ok).toBe(true)
    expect(readRecent(storage)[0]?.graph.services.web).toMatchObject({ run: { body } })
  })

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
    const autosave = attachAutosave(store, storage, { delayMs: 250, tab: 'tab-1' })
    store.getState().addService('bundle')
    autosave.flush()
    expect(storage.data.get(STORAGE_KEYS.autosave)).toBe(
      serializeState({ graph: store.getState().graph, viewport: undefined, tab: 'tab-1' }),
    )
    const setItem = vi.spyOn(storage, 'setItem')
    store.getState().clearSelection()
    vi.advanceTimersByTime(1000)
    expect(setItem).not.toHaveBeenCalled()
    autosave.dispose()
  })

  it('puts a design another tab saved in Recent designs before writing over it', () => {
    const storage = memoryStorage()
    const mine = createEditorStore()
    const theirs = createEditorStore()
    const kept: boolean[] = []
    const a = attachAutosave(mine, storage, { delayMs: 250, onOtherTab: (k) => kept.push(k) })
    const b = attachAutosave(theirs, storage, { delayMs: 250 })
    mine.getState().addService('longrun')
    a.flush()
    // The other tab saves its own design over it, then this tab edits again.
    theirs.getState().addService('oneshot')
    theirs.getState().addService('oneshot')
    b.flush()
    const theirGraph = theirs.getState().graph
    mine.getState().addService('bundle')
    a.flush()
    expect(kept).toEqual([true])
    const recent = readRecent(storage)
    expect(recent).toHaveLength(1)
    expect(recent[0]).toMatchObject({ reason: 'tab', graph: theirGraph })
    const saved = readSavedState(storage)
    expect(saved.kind === 'ok' && saved.graph).toEqual(mine.getState().graph)
    // Its own writes, and a tab saving the same design, put nothing aside.
    mine.getState().addService('longrun')
    a.flush()
    theirs.getState().loadGraph(mine.getState().graph)
    b.flush()
    mine.getState().setViewport({ x: 1, y: 2, zoom: 1 })
    a.flush()
    expect(kept).toEqual([true])
    // The other tab has saved its (now same) design here itself: its entry aside is gone.
    expect(readRecent(storage)).toEqual([])
    a.dispose()
    b.dispose()
  })

  it('keeps one entry per other tab, replaced by its later designs, and evicts nothing else', () => {
    const storage = memoryStorage()
    const precious = createEditorStore()
    precious.getState().addService('longrun', { name: 'precious' })
    expect(addRecent(storage, precious.getState().graph, { reason: 'new', now: 1 }).ok).toBe(true)
    const mine = createEditorStore()
    const theirs = createEditorStore()
    const told: boolean[] = []
    const a = attachAutosave(mine, storage, { delayMs: 250, onOtherTab: (k) => told.push(k) })
    const b = attachAutosave(theirs, storage, { delayMs: 250 })
    for (let i = 0; i < 12; i++) {
      mine.getState().addService('longrun')
      a.flush()
      theirs.getState().addService('oneshot')
      b.flush()
    }
    mine.getState().addService('longrun')
    a.flush()
    const recent = readRecent(storage)
    expect(recent.map((e) => e.reason)).toEqual(['tab', 'new'])
    expect(recent[0]!.graph).toEqual(theirs.getState().graph)
    expect(recent[1]!.graph).toEqual(precious.getState().graph)
    expect(told).toEqual([true])
    a.dispose()
    b.dispose()
  })

  it("a tab that reopened its own design puts the other tab's design aside before its first write", () => {
    const storage = memoryStorage()
    // Tab A saved; tab B saved over it (A's design went aside under A's id); A reloads and
    // reopens its own design (bootEditor), so the autosave in storage is B's, not A's.
    const a = createEditorStore()
    a.getState().addService('longrun', { name: 'from-a' })
    const b = createEditorStore()
    b.getState().addService('oneshot', { name: 'from-b' })
    writeSavedState(storage, { graph: b.getState().graph })
    expect(
      addRecent(storage, a.getState().graph, { reason: 'tab', now: 1, source: 'tab-a' }).ok,
    ).toBe(true)
    const told: boolean[] = []
    const autosave = attachAutosave(a, storage, {
      delayMs: 250,
      tab: 'tab-a',
      foreign: true,
      onOtherTab: (k) => told.push(k),
    })
    // A pan or zoom is not worth B's design.
    a.getState().setViewport({ x: 3, y: 4, zoom: 1 })
    autosave.flush()
    let saved = readSavedState(storage)
    expect(saved.kind === 'ok' && Object.keys(saved.graph.services)).toContain('from-b')
    // An edit is: B's design goes aside, A's is in the autosave again, its entry aside is gone.
    a.getState().addService('bundle', { name: 'edited' })
    autosave.flush()
    saved = readSavedState(storage)
    expect(saved.kind === 'ok' && saved.graph).toEqual(a.getState().graph)
    expect(readRecent(storage).map((e) => Object.keys(e.graph.services))).toEqual([
      expect.arrayContaining(['from-b']),
    ])
    expect(told).toEqual([true])
    autosave.dispose()
  })

  it('keeps the design of a duplicated tab (saved under the same id) as an entry of its own', () => {
    const storage = memoryStorage()
    const twin = createEditorStore()
    twin.getState().addService('longrun', { name: 'twin' })
    const t = attachAutosave(twin, storage, { delayMs: 250, tab: 'same' })
    const original = createEditorStore()
    const o = attachAutosave(original, storage, { delayMs: 250, tab: 'same' })
    twin.getState().addService('oneshot')
    t.flush()
    original.getState().addService('bundle', { name: 'original' })
    o.flush()
    expect(readRecent(storage).map((e) => e.graph)).toEqual([twin.getState().graph])
    t.dispose()
    o.dispose()
  })

  it("does not write over another tab's newer design for a pan or zoom", () => {
    const storage = memoryStorage()
    const stale = createEditorStore()
    const fresh = createEditorStore()
    const a = attachAutosave(stale, storage, { delayMs: 250 })
    const b = attachAutosave(fresh, storage, { delayMs: 250 })
    stale.getState().addService('longrun')
    a.flush()
    fresh.getState().loadGraph(stale.getState().graph)
    fresh.getState().addService('oneshot', { name: 'newer' })
    b.flush()
    stale.getState().setViewport({ x: 9, y: 9, zoom: 0.5 })
    vi.advanceTimersByTime(1000)
    a.flush()
    const saved = readSavedState(storage)
    expect(saved.kind === 'ok' && Object.keys(saved.graph.services)).toContain('newer')
    // The stale tab's design is the one aside (the fresh tab put it there when it wrote).
    expect(readRecent(storage).map((e) => e.graph)).toEqual([stale.getState().graph])
    // An edit in the stale tab makes it a design worth saving: the newer one goes aside instead.
    stale.getState().addService('bundle')
    a.flush()
    expect(readRecent(storage).map((e) => e.graph)).toEqual([fresh.getState().graph])
    a.dispose()
    b.dispose()
  })
})
