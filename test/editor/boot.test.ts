/**
 * What the designer opens on, and that an `?example=` link never costs the user their work:
 * the design it replaces goes to Recent designs (the one list for everything put aside).
 */
import { describe, expect, it } from 'vitest'
import { bootEditor, withoutExampleParam } from '@/components/editor/boot'
import { exampleById } from '@/lib/examples'
import { addService, createGraph, longrun } from '@/lib/graph/service-graph'
import { STORAGE_KEYS, serializeState, writeSavedState } from '@/lib/store/persistence'
import { readRecent } from '@/lib/store/recent'
import { memoryStorage } from '../fixtures/storage'

const mine = addService(createGraph({ name: 'mine' }), 'worker', longrun())

describe('bootEditor', () => {
  it('opens an ?example= link and puts the design it replaced in Recent designs', () => {
    const storage = memoryStorage()
    writeSavedState(storage, { graph: mine })
    const boot = bootEditor(storage, '?example=nested-bundles', 1_000)
    expect(boot.init.graph).toEqual(exampleById('nested-bundles')?.graph)
    expect(boot.replaced).toEqual({ hadWork: true, kept: true, previous: mine })
    const [recent] = readRecent(storage)
    expect(recent?.reason).toBe('example')
    expect(Object.keys(recent?.graph.services ?? {})).toContain('worker')
  })

  it('leaves the example to a share link in the same address (the docs widgets add one)', () => {
    const storage = memoryStorage()
    writeSavedState(storage, { graph: mine })
    const boot = bootEditor(storage, '?example=nested-bundles', 1_000, '#s6g=1.d.abc.def')
    expect(boot.init.graph).toEqual(mine)
    expect(boot.replaced).toBeUndefined()
    expect(readRecent(storage)).toEqual([])
  })

  it('opens a share link read before start on a first visit, and leaves it to the handler over saved work', () => {
    const shared = exampleById('cron-beside-app')!.graph
    const first = bootEditor(memoryStorage(), '', 1_000, '#s6g=1.d.abc.def', undefined, shared)
    expect(first.init.graph).toBe(shared)
    expect(first.openedLink).toBe(true)
    // Without a link read first, a first visit opens the reference example.
    expect(bootEditor(memoryStorage(), '').init.graph).toEqual(exampleById('reference')!.graph)
    const storage = memoryStorage()
    writeSavedState(storage, { graph: mine })
    const over = bootEditor(storage, '', 1_000, '#s6g=1.d.abc.def', undefined, shared)
    expect(over.init.graph).toEqual(mine)
    expect(over.openedLink).toBeUndefined()
    expect(readRecent(storage)).toEqual([])
  })

  it('replaces nothing when the saved design is that example or blank', () => {
    const storage = memoryStorage()
    writeSavedState(storage, { graph: exampleById('reference')!.graph })
    expect(bootEditor(storage, '?example=reference').replaced).toBeUndefined()
    writeSavedState(storage, { graph: createGraph() })
    expect(bootEditor(storage, '?example=reference').replaced).toBeUndefined()
    expect(readRecent(storage)).toEqual([])
  })

  it('says so when the browser has no room to keep the replaced design', () => {
    // Room for the autosave, not for the longer Recent designs entry.
    const measure = memoryStorage()
    writeSavedState(measure, { graph: mine })
    const storage = memoryStorage(measure.data.get('s6d-autosave')!.length)
    expect(writeSavedState(storage, { graph: mine })).toBe(true)
    expect(bootEditor(storage, '?example=reference').replaced).toEqual({
      hadWork: true,
      kept: false,
      previous: mine,
    })
  })

  it('keeps an unreadable autosave aside and says so, also when an ?example= link opens', () => {
    for (const search of ['', '?example=nested-bundles']) {
      const storage = memoryStorage()
      storage.setItem('s6d-autosave', '{"v":1,"graph":"damaged"}')
      const boot = bootEditor(storage, search, 1_000)
      expect(storage.getItem('s6d-autosave-unreadable'), search).toBe('{"v":1,"graph":"damaged"}')
      expect(boot.issue?.raw, search).toBe('{"v":1,"graph":"damaged"}')
      expect(boot.issue?.message, search).toMatch(/damaged/)
    }
  })

  it('opens the autosave without a link, and the reference example on a first visit', () => {
    const storage = memoryStorage()
    expect(bootEditor(storage, '').init.graph).toEqual(exampleById('reference')?.graph)
    writeSavedState(storage, { graph: mine })
    expect(bootEditor(storage, '').init.graph).toEqual(mine)
    expect(bootEditor(storage, '?example=no-such-example').init.graph).toEqual(mine)
  })
})

describe('withoutExampleParam', () => {
  it('drops ?example= and keeps the other parameters and the share fragment', () => {
    expect(withoutExampleParam('http://localhost:3000/?example=reference')).toBe('/')
    expect(withoutExampleParam('http://h/?example=reference#s6g=abc')).toBe('/#s6g=abc')
    expect(withoutExampleParam('http://h/?a=1&example=x&b=2')).toBe('/?a=1&b=2')
  })

  it('leaves an address without it alone', () => {
    expect(withoutExampleParam('http://h/')).toBeUndefined()
    expect(withoutExampleParam('http://h/?exampled=1#example=x')).toBeUndefined()
  })

  it("reopens this tab's own design on a reload after another tab saved a different one", () => {
    const storage = memoryStorage()
    const theirs = addService(createGraph({ name: 'theirs' }), 'api', longrun())
    storage.setItem(STORAGE_KEYS.autosave, serializeState({ graph: theirs, tab: 'tab-b' }))
    const viewport = { x: 1, y: 2, zoom: 0.5 }
    const own = serializeState({ graph: mine, viewport, tab: 'tab-a' })
    const boot = bootEditor(storage, '', 2, '', own)
    expect(boot.init).toEqual({ graph: mine, viewport })
    expect(boot.reopened).toEqual({ tab: 'tab-a' })
    // A tab that saved the design in storage, a new tab, and a damaged copy open it as it is.
    const same = serializeState({ graph: theirs, tab: 'tab-c' })
    for (const copy of [same, undefined, '{"v":1']) {
      const other = bootEditor(storage, '', 2, '', copy)
      expect(other.init.graph).toEqual(theirs)
      expect(other.reopened).toBeUndefined()
    }
  })
})
