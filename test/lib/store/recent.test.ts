import { describe, expect, it } from 'vitest'
import { createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { type KeyValueStorage, STORAGE_KEYS } from '@/lib/store/persistence'
import {
  RECENT_LIMIT,
  addRecent,
  isBlankDesign,
  readRecent,
  removeRecent,
  sameDesign,
} from '@/lib/store/recent'
import { builtinExamples, exampleById } from '@/lib/examples'
import { memoryStorage } from '../../fixtures/storage'

function design(name: string, services: string[] = ['web']): ServiceGraph {
  const g = createGraph({ name })
  const extra = Object.fromEntries(services.map((s) => [s, longrun()]))
  return {
    ...g,
    services: { ...g.services, ...extra },
    layout: Object.fromEntries(services.map((s, i) => [s, { x: i * 16, y: 0 }])),
  }
}

describe('recent designs', () => {
  it('keeps a design with its name, service count, time and reason, newest first', () => {
    const storage = memoryStorage()
    addRecent(storage, design('shop', ['web', 'worker']), { reason: 'link', now: 1000 })
    addRecent(storage, design('blog'), { reason: 'import', now: 2000 })
    const list = readRecent(storage)
    expect(list.map((e) => [e.name, e.services, e.savedAt, e.reason])).toEqual([
      ['blog', 2, 2000, 'import'],
      ['shop', 3, 1000, 'link'],
    ])
    expect(list[1]?.graph).toEqual(design('shop', ['web', 'worker']))
  })

  it('moves a design up instead of listing it twice, positions aside', () => {
    const storage = memoryStorage()
    const shop = design('shop')
    addRecent(storage, shop, { reason: 'link', now: 1 })
    addRecent(storage, design('blog'), { reason: 'link', now: 2 })
    const moved = { ...shop, layout: { web: { x: 400, y: 400 } } }
    addRecent(storage, moved, { reason: 'import', now: 3 })
    const list = readRecent(storage)
    expect(list.map((e) => e.name)).toEqual(['shop', 'blog'])
    expect(list[0]?.graph.layout).toEqual({ web: { x: 400, y: 400 } })
  })

  it(`keeps the last ${RECENT_LIMIT}`, () => {
    const storage = memoryStorage()
    for (let i = 0; i < RECENT_LIMIT + 3; i++)
      addRecent(storage, design(`p${i}`), { reason: 'link', now: i })
    const list = readRecent(storage)
    expect(list).toHaveLength(RECENT_LIMIT)
    expect(list[0]?.name).toBe(`p${RECENT_LIMIT + 2}`)
    expect(list.at(-1)?.name).toBe('p3')
  })

  it('does not spend a place on a built-in example as it ships, but keeps one the user changed', () => {
    const storage = memoryStorage()
    for (const example of builtinExamples()) {
      const moved = { ...example.graph, layout: {} }
      expect(addRecent(storage, moved, { reason: 'example', now: 1 }).ok).toBe(true)
    }
    expect(readRecent(storage)).toEqual([])
    const reference = exampleById('reference')!.graph
    const changed = {
      ...reference,
      services: { ...reference.services, mine: longrun() },
    }
    addRecent(storage, changed, { reason: 'example', now: 2 })
    expect(readRecent(storage).map((e) => e.services)).toEqual([
      Object.keys(changed.services).length,
    ])
  })

  it('does not keep a blank design', () => {
    const storage = memoryStorage()
    const result = addRecent(storage, createGraph({ name: 'x' }), { reason: 'link', now: 1 })
    expect(result.ok && result.entry).toBe(undefined)
    expect(readRecent(storage)).toEqual([])
    expect(isBlankDesign(createGraph())).toBe(true)
    expect(isBlankDesign(design('x'))).toBe(false)
  })

  it('drops the oldest entries when the storage is full, and says so when nothing fits', () => {
    const one = JSON.stringify({ v: 1, items: [{ graph: design('a', ['web']) }] }).length
    const storage = memoryStorage(one * 2.5)
    for (let i = 0; i < 4; i++) addRecent(storage, design(`p${i}`), { reason: 'link', now: i })
    const names = readRecent(storage).map((e) => e.name)
    expect(names[0]).toBe('p3')
    expect(names.length).toBeLessThan(4)
    const tiny = memoryStorage(10)
    expect(addRecent(tiny, design('big'), { reason: 'link', now: 1 }).ok).toBe(false)
  })

  it('removes an entry', () => {
    const storage = memoryStorage()
    addRecent(storage, design('shop'), { reason: 'link', now: 1 })
    const blog = addRecent(storage, design('blog'), { reason: 'link', now: 2 })
    const id = blog.ok ? blog.entry?.id : undefined
    expect(id).toBeDefined()
    expect(removeRecent(storage, id ?? '').map((e) => e.name)).toEqual(['shop'])
  })

  it('reads a damaged list as empty and skips damaged entries, never throwing', () => {
    const storage = memoryStorage()
    storage.setItem(STORAGE_KEYS.recentDesigns, '{"v":1,"items":[')
    expect(readRecent(storage)).toEqual([])
    storage.setItem(
      STORAGE_KEYS.recentDesigns,
      JSON.stringify({
        v: 1,
        items: [
          { graph: { services: 'nope' } },
          42,
          { name: 'ok', savedAt: 5, reason: 'weird', graph: design('ok') },
        ],
      }),
    )
    expect(readRecent(storage).map((e) => [e.name, e.reason])).toEqual([['ok', 'recent']])
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
      removeItem: () => undefined,
    }
    expect(readRecent(throwing)).toEqual([])
    expect(addRecent(throwing, design('x'), { reason: 'link', now: 1 }).ok).toBe(false)
  })

  it('compares designs without their positions', () => {
    const a = design('shop')
    expect(sameDesign(a, { ...a, layout: {} })).toBe(true)
    expect(sameDesign(a, { ...a, services: { ...a.services, web: oneshot() } })).toBe(false)
  })
})
