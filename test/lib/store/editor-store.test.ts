import { describe, expect, it } from 'vitest'
import { bundle, createGraph, longrun, oneshot } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { createEditorStore } from '@/lib/store/editor-store'
import { addLogger } from '@/lib/graph/logger'

function clock(start = 1000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

function twoServices(): ServiceGraph {
  let g = createGraph()
  g = { ...g, services: { ...g.services, db: oneshot(), web: longrun({ dependencies: ['db'] }) } }
  return g
}

describe('editor store: history', () => {
  it('undoes and redoes an added service', () => {
    const store = createEditorStore()
    const name = store.getState().addService('longrun')
    expect(name).toBe('longrun')
    expect(store.getState().graph.services.longrun?.type).toBe('longrun')
    store.getState().undo()
    expect(store.getState().graph.services.longrun).toBeUndefined()
    store.getState().redo()
    expect(store.getState().graph.services.longrun?.type).toBe('longrun')
  })

  it('drops the redo stack on a new change', () => {
    const store = createEditorStore()
    store.getState().addService('oneshot')
    store.getState().undo()
    expect(store.getState().future).toHaveLength(1)
    store.getState().addService('bundle')
    expect(store.getState().future).toHaveLength(0)
  })

  it('coalesces typing in one field into one entry', () => {
    const c = clock()
    const store = createEditorStore({ graph: twoServices(), now: c.now })
    const web = () => store.getState().graph.services.web
    for (const text of ['T', 'Th', 'The', 'The web']) {
      const s = web()
      if (s)
        store
          .getState()
          .updateService('web', { ...s, description: text }, { coalesce: 'web.description' })
      c.advance(200)
    }
    expect(store.getState().past).toHaveLength(1)
    store.getState().undo()
    expect(web()?.description).toBeUndefined()
  })

  it('splits a long stretch of typing into entries of at most 20 s', () => {
    const c = clock()
    const store = createEditorStore({ graph: twoServices(), now: c.now })
    const web = () => store.getState().graph.services.web
    // A minute of typing, a key every second: never a 3 s pause.
    for (let i = 1; i <= 60; i++) {
      const s = web()
      if (s)
        store
          .getState()
          .updateService(
            'web',
            { ...s, description: 'x'.repeat(i) },
            { coalesce: 'web.description' },
          )
      c.advance(1000)
    }
    expect(store.getState().past).toHaveLength(3)
    store.getState().undo()
    expect(web()?.description?.length).toBeGreaterThan(30)
  })

  it('starts a new entry after the field loses focus or the key changes', () => {
    const c = clock()
    const store = createEditorStore({ graph: twoServices(), now: c.now })
    const set = (description: string, key: string) => {
      const s = store.getState().graph.services.web
      if (s) store.getState().updateService('web', { ...s, description }, { coalesce: key })
    }
    set('a', 'web.description')
    store.getState().endCoalescing()
    set('ab', 'web.description')
    expect(store.getState().past).toHaveLength(2)
    set('abc', 'web.process')
    expect(store.getState().past).toHaveLength(3)
    c.advance(10_000)
    set('abcd', 'web.process')
    expect(store.getState().past).toHaveLength(4)
  })

  it('records a whole drag as one entry', () => {
    const store = createEditorStore({ graph: twoServices() })
    for (let x = 0; x <= 100; x += 10)
      store.getState().moveServices({ web: { x, y: 0 } }, { transient: true })
    expect(store.getState().past).toHaveLength(0)
    store.getState().endGesture()
    expect(store.getState().past).toHaveLength(1)
    expect(store.getState().graph.layout.web).toEqual({ x: 100, y: 0 })
    store.getState().undo()
    expect(store.getState().graph.layout.web).toBeUndefined()
  })

  it('removes a service with its references in one undoable step', () => {
    const store = createEditorStore({ graph: twoServices() })
    const summary = store.getState().removeServices(['db'])
    expect(summary.removed).toEqual(['db'])
    expect(summary.references).toEqual([{ service: 'web', field: 'dependencies', name: 'db' }])
    const web = store.getState().graph.services.web
    expect(web?.type === 'longrun' && web.dependencies).toEqual([])
    store.getState().undo()
    expect(store.getState().graph.services.db).toBeDefined()
  })

  it('deletes edges and services together', () => {
    let g = twoServices()
    g = { ...g, services: { ...g.services, user: { type: 'bundle', contents: ['web'] } } }
    const store = createEditorStore({ graph: g })
    store.getState().deleteElements(
      [],
      [
        { kind: 'dependency', from: 'web', to: 'db' },
        { kind: 'membership', from: 'user', to: 'web' },
      ],
    )
    const s = store.getState().graph.services
    expect(s.web?.type === 'longrun' && s.web.dependencies).toEqual([])
    expect(s.user?.type === 'bundle' && s.user.contents).toEqual([])
    expect(store.getState().past).toHaveLength(1)
  })

  it('deletes a logger node as its switch removes it, whatever edges the canvas deletes along', () => {
    const two = twoServices()
    const inUser = {
      ...two,
      services: { ...two.services, user: bundle({ contents: ['db', 'web'] }) },
    }
    const g = addLogger(inUser, 'web')
    expect(g.services.user).toMatchObject({ contents: ['db', 'web-pipeline'] })
    const store = createEditorStore({ graph: g })
    // The canvas draws user's membership of web-pipeline from the logger node, so deleting the
    // node deletes that edge too.
    store
      .getState()
      .deleteElements(['web-log'], [{ kind: 'membership', from: 'user', to: 'web-pipeline' }])
    const s = store.getState().graph.services
    expect(Object.keys(s).sort()).toEqual(['db', 'user', 'web'])
    expect(s.user?.type === 'bundle' && [...s.user.contents].sort()).toEqual(['db', 'web'])
    expect(store.getState().past).toHaveLength(1)
  })

  it('renames and keeps the selection on the renamed service', () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().selectService('db')
    expect(store.getState().renameService('db', 'database')).toBe(true)
    const web = store.getState().graph.services.web
    expect(web?.type === 'longrun' && web.dependencies).toEqual(['database'])
    expect(store.getState().selection.services).toEqual(['database'])
  })

  it("renames a producer's logger with it, says so, and undoes both in one step", () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().addLogger('web')
    store.getState().selectService('web-log')
    const before = store.getState().graph
    expect(store.getState().renameService('web', 'app')).toBe(true)
    const { graph, selection, ui } = store.getState()
    expect(Object.keys(graph.services)).toEqual(
      expect.arrayContaining(['app', 'app-log', 'app-log-prepare']),
    )
    expect(graph.services['app-log']).toMatchObject({ pipelineName: 'app-pipeline' })
    expect(selection.services).toEqual(['app-log'])
    expect(ui.notice?.message).toBe(
      "web's logger was renamed with it: web-log → app-log, web-pipeline → app-pipeline, " +
        'web-log-prepare → app-log-prepare. Its logs now go to /var/log/app.',
    )
    expect(store.getState().noticeActionApplies(ui.notice!.id)).toBe(true)
    store.getState().runNoticeAction(ui.notice!.id)
    expect(store.getState().graph).toEqual(before)
  })

  it('adds no undo step for a change that changes nothing', () => {
    const g = twoServices()
    const store = createEditorStore({
      graph: { ...g, layout: { db: { x: 0, y: 0 }, web: { x: 200, y: 0 } } },
    })
    const { graph } = store.getState()
    // An auto-layout that moves nothing: the same positions, as new objects.
    store.getState().setLayout({ db: { x: 0, y: 0 }, web: { x: 200, y: 0 } })
    // The current value picked again in a select: an equal service, made anew.
    store.getState().updateService('web', longrun({ dependencies: ['db'], withContenv: true }))
    store.getState().setProject({ name: graph.project.name, env: [...graph.project.env] })
    // A drag that ends where it began.
    store.getState().moveServices({ web: { x: 240, y: 0 } }, { transient: true })
    store.getState().moveServices({ web: { x: 200, y: 0 } }, { transient: true })
    store.getState().endGesture()
    expect(store.getState().past).toHaveLength(0)
    expect(store.getState().graph.services).toBe(graph.services)
    expect(store.getState().graph.project).toBe(graph.project)
    // A real change still is one.
    store.getState().setProject({ name: 'other' })
    store.getState().setLayout({ db: { x: 16, y: 0 } })
    expect(store.getState().past).toHaveLength(2)
  })

  it("changes a service's type in one undoable step, and records nothing when refused", () => {
    const store = createEditorStore({ graph: twoServices() })
    const result = store.getState().changeType('db', 'longrun')
    expect(result).toMatchObject({ ok: true, dropped: [] })
    expect(store.getState().graph.services.db?.type).toBe('longrun')
    expect(store.getState().past).toHaveLength(1)
    expect(store.getState().changeType('user', 'oneshot').ok).toBe(false)
    expect(store.getState().past).toHaveLength(1)
    store.getState().undo()
    expect(store.getState().graph.services.db?.type).toBe('oneshot')
  })

  it('selects what an undo or redo changed, so the user sees it', () => {
    const store = createEditorStore({ graph: twoServices() })
    const s = () => store.getState()
    // An edit of web undone while db is selected: web is selected, its inspector shows the undo.
    const web = s().graph.services.web!
    s().updateService('web', { ...web, description: 'edited' })
    s().selectService('db')
    s().undo()
    expect(s().graph.services.web).toEqual(web)
    expect(s().selection.services).toEqual(['web'])
    s().redo()
    expect(s().selection.services).toEqual(['web'])
    // A delete undone: what came back is selected.
    s().removeServices(['db'])
    s().clearSelection()
    s().undo()
    expect(s().selection.services).toEqual(['db'])
    // A move undone: the moved service.
    s().moveServices({ db: { x: 400, y: 400 } })
    s().selectService('web')
    s().undo()
    expect(s().selection.services).toEqual(['db'])
    // An add undone takes the new service away and selects nothing else.
    const added = s().addService('oneshot')
    expect(s().selection.services).toEqual([added])
    s().undo()
    expect(s().selection.services).toEqual([])
  })

  it('prunes the selection when undo removes a selected service', () => {
    const store = createEditorStore()
    store.getState().addService('oneshot')
    expect(store.getState().selection.services).toEqual(['oneshot'])
    store.getState().undo()
    expect(store.getState().selection.services).toEqual([])
  })

  it('loads a graph undoably, or resets the history', () => {
    const store = createEditorStore()
    store.getState().loadGraph(twoServices())
    expect(store.getState().past).toHaveLength(1)
    store.getState().loadGraph(createGraph(), { reset: true })
    expect(store.getState().past).toHaveLength(0)
  })

  it('applies a layout without history when asked', () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().setLayout({ web: { x: 10, y: 20 } }, { history: false })
    expect(store.getState().past).toHaveLength(0)
    expect(store.getState().graph.layout.web).toEqual({ x: 10, y: 20 })
  })
})

describe('editor store: paste', () => {
  it('pastes under new names and selects the copies', () => {
    const store = createEditorStore({ graph: twoServices() })
    const names = store
      .getState()
      .paste({ ...twoServices(), layout: { web: { x: 0, y: 0 } } }, { offset: { x: 40, y: 40 } })
    expect(names.sort()).toEqual(['db-2', 'web-2'])
    expect(store.getState().selection.services.sort()).toEqual(['db-2', 'web-2'])
    expect(store.getState().graph.layout['web-2']).toEqual({ x: 40, y: 40 })
  })

  it('duplicates a service into a free spot below it, with its settings, in one undo step', () => {
    const graph = twoServices()
    const store = createEditorStore({
      graph: {
        ...graph,
        services: { ...graph.services, user: { type: 'bundle', contents: ['web'] } },
        // Something right below web: the copy must not land on it.
        layout: { web: { x: 0, y: 0 }, db: { x: 0, y: 96 }, user: { x: 400, y: 0 } },
      },
    })
    expect(store.getState().duplicate(['web'])).toEqual(['web-2'])
    const s = store.getState()
    expect(s.graph.services['web-2']).toEqual(s.graph.services.web)
    expect(s.selection.services).toEqual(['web-2'])
    const boxes = (name: string) => {
      const p = s.graph.layout[name]!
      return { x: p.x, y: p.y, right: p.x + 216, bottom: p.y + 68 }
    }
    const copy = boxes('web-2')
    for (const other of ['web', 'db', 'user']) {
      const b = boxes(other)
      const apart =
        copy.x >= b.right || copy.right <= b.x || copy.y >= b.bottom || copy.bottom <= b.y
      expect(apart, other).toBe(true)
    }
    expect(s.graph.services.user).toMatchObject({ contents: ['web', 'web-2'] })
    s.undo()
    expect(Object.keys(store.getState().graph.services).sort()).toEqual(['db', 'user', 'web'])
    // The boot bundle is one of a kind.
    expect(store.getState().duplicate(['user'])).toEqual([])
  })
})

describe('editor store: selection across undo and redo', () => {
  it('keeps a renamed service selected when the rename is undone and redone', () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().selectService('db')
    store.getState().renameService('db', 'database')
    expect(store.getState().selection.services).toEqual(['database'])
    store.getState().undo()
    expect(store.getState().selection.services).toEqual(['db'])
    store.getState().redo()
    expect(store.getState().selection.services).toEqual(['database'])
  })

  it('drops a selected service that an undo takes away', () => {
    const store = createEditorStore({ graph: twoServices() })
    const added = store.getState().addService('oneshot')
    store.getState().addService('longrun', { select: false })
    store.getState().selectService(added)
    store.getState().undo()
    store.getState().undo()
    expect(store.getState().selection.services).toEqual([])
  })
})

describe('editor store: ui', () => {
  it('shows and dismisses notices by id', () => {
    const store = createEditorStore()
    const first = store.getState().showNotice({ message: 'one', tone: 'info' })
    const second = store.getState().showNotice({ message: 'two', tone: 'info' })
    store.getState().dismissNotice(first)
    expect(store.getState().ui.notice?.message).toBe('two')
    store.getState().dismissNotice(second)
    expect(store.getState().ui.notice).toBeUndefined()
  })

  it("runs a notice's Undo only while the graph is still the one its change left", () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().removeServices(['web'])
    const removed = store.getState().showNotice({
      message: 'Removed web',
      tone: 'info',
      action: { label: 'Undo', kind: 'undo' },
    })
    expect(store.getState().noticeActionApplies(removed)).toBe(true)
    const added = store.getState().addService('oneshot')
    expect(store.getState().noticeActionApplies(removed)).toBe(false)
    store.getState().runNoticeAction(removed)
    expect(Object.keys(store.getState().graph.services)).toContain(added)
    expect(Object.keys(store.getState().graph.services)).not.toContain('web')
    expect(store.getState().ui.notice).toBeUndefined()

    store.getState().undo()
    const again = store.getState().showNotice({
      message: 'Removed web',
      tone: 'info',
      action: { label: 'Undo', kind: 'undo' },
    })
    store.getState().runNoticeAction(again)
    expect(Object.keys(store.getState().graph.services)).toContain('web')
  })

  it('selects the service and the inspector tab on a focus request', () => {
    const store = createEditorStore({ graph: twoServices() })
    store.getState().setSideTab('problems')
    store.getState().requestFocus('timeoutUp', 'db')
    expect(store.getState().selection.services).toEqual(['db'])
    expect(store.getState().ui.sideTab).toBe('inspector')
    expect(store.getState().ui.focusRequest).toMatchObject({ field: 'timeoutUp', service: 'db' })
  })

  it('asks the canvas to bring the service of a focus request on screen, not for the project', () => {
    const store = createEditorStore({ graph: twoServices() })
    const before = store.getState().ui.revealRequest
    store.getState().requestFocus('timeoutUp', 'db')
    expect(store.getState().ui.revealRequest).toBe(before + 1)
    store.getState().requestFocus('name')
    store.getState().requestFocus('name', 'no-such-service')
    expect(store.getState().ui.revealRequest).toBe(before + 1)
  })
})

describe('editor store: checked graph', () => {
  it('keeps diagnostics on the checked graph until validation catches up', async () => {
    const { attachValidation } = await import('@/lib/store/validation')
    const { selectDiagnostics } = await import('@/lib/store/selectors')
    const { vi } = await import('vitest')
    vi.useFakeTimers()
    const store = createEditorStore({ graph: twoServices() })
    const stop = attachValidation(store, { delayMs: 60 })
    const before = selectDiagnostics(store.getState())
    store.getState().addService('oneshot', { service: oneshot({ dependencies: ['nowhere'] }) })
    expect(selectDiagnostics(store.getState())).toBe(before)
    vi.advanceTimersByTime(60)
    expect(store.getState().checkedGraph).toBe(store.getState().graph)
    expect(selectDiagnostics(store.getState()).some((d) => d.code === 'missing-dependency')).toBe(
      true,
    )
    stop()
    vi.useRealTimers()
  })
})
