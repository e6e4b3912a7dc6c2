import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addLogger, removeLogger, removeWithLoggers, renameWithLogger } from '@/lib/graph/logger'
import {
  addBundleMember,
  addDependency,
  addEnvVar,
  addService,
  changeType,
  createGraph,
  moveService,
  removeBundleMember,
  removeDependency,
  removeEnvVar,
  removeServices,
  renameService,
  setField,
  uniqueName,
  updateService,
} from '@/lib/graph/service-graph'
import type { Longrun, Oneshot } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { bundle, exampleGraphs, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const errors = (g: unknown) => validate(g).filter((d) => d.severity === 'error')

describe('addService', () => {
  it('adds atomic services to user and bundles outside it', () => {
    let g = addService(createGraph(), 'web', longrun(), { position: { x: 1, y: 2 } })
    g = addService(g, 'grp', bundle())
    expect(g.services.user).toEqual(bundle({ contents: ['web'] }))
    expect(g.layout.web).toEqual({ x: 1, y: 2 })
    expect(addService(g, 'web', oneshot())).toBe(g)
    expect(addService(g, 'cron', longrun(), { inUser: false }).services.user).toBe(g.services.user)
  })

  it('accepts names that are Object.prototype keys', () => {
    const g = addService(createGraph(), 'constructor', longrun())
    expect(Object.hasOwn(g.services, 'constructor')).toBe(true)
    expect(g.services.user).toEqual(bundle({ contents: ['constructor'] }))
    expect(() => addDependency(createGraph(), 'toString', 'x')).not.toThrow()
    expect(setField<Longrun, 'description'>(createGraph(), 'valueOf', 'description', 'x')).toEqual(
      createGraph(),
    )
  })

  it('keeps unchanged services by reference', () => {
    const g = addService(createGraph(), 'web', longrun())
    const next = addService(g, 'db', longrun())
    expect(next.services.web).toBe(g.services.web)
  })
})

describe('uniqueName', () => {
  it('skips taken service and pipeline names', () => {
    const g = graphOf({
      web: longrun(),
      'web-2': longrun({ consumerFor: ['web'], pipelineName: 'web-3' }),
    })
    expect(uniqueName(g, 'web')).toBe('web-4')
    expect(uniqueName(g, 'db')).toBe('db')
    expect(uniqueName(createGraph(), 'constructor')).toBe('constructor')
  })
})

describe('updateService and setField', () => {
  it('replace one service and leave the others alone', () => {
    const g = graphOf({ web: longrun(), db: longrun() })
    const next = setField<Longrun, 'timeoutKill'>(g, 'web', 'timeoutKill', 3000)
    expect((next.services.web as Longrun).timeoutKill).toBe(3000)
    expect(next.services.db).toBe(g.services.db)
    const cleared = setField<Longrun, 'timeoutKill'>(next, 'web', 'timeoutKill', undefined)
    expect('timeoutKill' in cleared.services.web!).toBe(false)
    expect(updateService(g, 'ghost', longrun())).toBe(g)
    expect(updateService(g, 'web', g.services.web!)).toBe(g)
  })
})

describe('renameService', () => {
  it('renames a service and every reference to it', () => {
    const g = graphOf(
      {
        db: longrun({ producerFor: 'db-log' }),
        'db-log': longrun({ consumerFor: ['db'], pipelineName: 'db-pipeline' }),
        web: longrun({ dependencies: ['db'] }),
        grp: bundle({ contents: ['db'] }),
      },
      {
        project: {
          healthcheck: { services: ['db'], intervalS: 1, timeoutS: 1, startPeriodS: 1, retries: 1 },
        },
        user: ['db-pipeline', 'web'],
      },
    )
    const renamed = renameService({ ...g, layout: { db: { x: 1, y: 1 } } }, 'db', 'postgres')
    expect(Object.keys(renamed.services).sort()).toEqual([
      'db-log',
      'grp',
      'postgres',
      'user',
      'web',
    ])
    expect(renamed.services.web).toMatchObject({ dependencies: ['postgres'] })
    expect(renamed.services.grp).toMatchObject({ contents: ['postgres'] })
    expect(renamed.services['db-log']).toMatchObject({ consumerFor: ['postgres'] })
    expect(renamed.services.postgres).toMatchObject({ producerFor: 'db-log' })
    expect(renamed.project.healthcheck!.services).toEqual(['postgres'])
    expect(renamed.layout).toEqual({ postgres: { x: 1, y: 1 } })
    expect(errors(renamed)).toEqual([])
  })

  it('renames a pipeline name', () => {
    const g = exampleGraphs()['logger-pipeline']!
    const renamed = renameService(g, 'api-pipeline', 'api-all')
    expect(renamed.services['api-log']).toMatchObject({ pipelineName: 'api-all' })
    expect(renamed.services.user).toMatchObject({ contents: ['api-all'] })
    expect(errors(renamed)).toEqual([])
  })

  it('refuses unknown, taken, equal and user names', () => {
    const g = graphOf({ web: longrun(), db: longrun() })
    expect(renameService(g, 'ghost', 'x')).toBe(g)
    expect(renameService(g, 'web', 'db')).toBe(g)
    expect(renameService(g, 'web', 'web')).toBe(g)
    expect(renameService(g, 'user', 'boot')).toBe(g)
  })
})

describe('removeServices', () => {
  it('removes services and reports the references it dropped', () => {
    const g = graphOf({
      db: longrun(),
      web: longrun({ dependencies: ['db'] }),
      grp: bundle({ contents: ['db'] }),
    })
    const { graph, removed, references } = removeServices(g, ['db', 'user', 'ghost'])
    expect(removed).toEqual(['db'])
    expect(Object.keys(graph.services).sort()).toEqual(['grp', 'user', 'web'])
    expect(references).toHaveLength(3)
    expect(references).toEqual(
      expect.arrayContaining([
        { service: 'user', field: 'contents', name: 'db' },
        { service: 'web', field: 'dependencies', name: 'db' },
        { service: 'grp', field: 'contents', name: 'db' },
      ]),
    )
    expect(errors(graph)).toEqual([])
  })

  it('removes a logger and the references to its pipeline name', () => {
    const g = exampleGraphs()['logger-pipeline']!
    const { graph, references } = removeServices(g, ['api-log'])
    expect(graph.services.api).not.toHaveProperty('producerFor')
    expect(references).toContainEqual({ service: 'user', field: 'contents', name: 'api-pipeline' })
  })

  it('drops the pipeline name of a consumer that loses its last producer', () => {
    const g = exampleGraphs()['logger-pipeline']!
    const { graph, references } = removeServices(g, ['api'])
    expect(graph.services['api-log']).not.toHaveProperty('pipelineName')
    expect(graph.services['api-log']).not.toHaveProperty('consumerFor')
    expect(references).toContainEqual({ service: 'user', field: 'contents', name: 'api-pipeline' })
    expect(errors(graph)).toEqual([])
  })

  it('drops health check references', () => {
    const g = graphOf(
      { web: longrun() },
      {
        project: {
          healthcheck: {
            services: ['web'],
            intervalS: 1,
            timeoutS: 1,
            startPeriodS: 1,
            retries: 1,
          },
        },
      },
    )
    const { graph, references } = removeServices(g, ['web'])
    expect(graph.project.healthcheck!.services).toEqual([])
    expect(references).toContainEqual({ service: '(project)', field: 'healthcheck', name: 'web' })
  })
})

describe('removeWithLoggers (Delete in the editor)', () => {
  const logged = () =>
    addLogger(graphOf({ queue: longrun({ timeoutKill: 1000 }), web: longrun() }), 'queue')
  const userOf = (g: ReturnType<typeof logged>) => {
    const u = g.services.user
    return u?.type === 'bundle' ? [...u.contents].sort() : []
  }

  it('starts from a logger whose stop is bounded (s6-log exits on SIGTERM at once)', () => {
    expect(logged().services['queue-log']).toMatchObject({ timeoutKill: 1000 })
    const notes = validate(logged()).filter((d) => d.code === 'stop-unbounded')
    expect(notes.map((d) => d.service)).toEqual(['web'])
  })

  it('removes a logger as its switch does: the prepare step goes, the producer boots again', () => {
    const { graph, removed } = removeWithLoggers(logged(), ['queue-log'])
    expect(removed.sort()).toEqual(['queue-log', 'queue-log-prepare'])
    expect(Object.keys(graph.services).sort()).toEqual(['queue', 'user', 'web'])
    expect(userOf(graph)).toEqual(['queue', 'web'])
    expect(graph.services.queue).not.toHaveProperty('producerFor')
    expect(errors(graph)).toEqual([])
    expect(validate(graph).filter((d) => d.code === 'not-started')).toEqual([])
  })

  it('removes the logger made for a producer along with it', () => {
    const { graph, removed } = removeWithLoggers(logged(), ['queue'])
    expect(removed.sort()).toEqual(['queue', 'queue-log', 'queue-log-prepare'])
    expect(Object.keys(graph.services).sort()).toEqual(['user', 'web'])
    expect(userOf(graph)).toEqual(['web'])
  })

  it('leaves a logger that reads other producers too, and one not named after the producer', () => {
    let g = graphOf({
      a: longrun({ producerFor: 'shared' }),
      b: longrun({ producerFor: 'shared' }),
      shared: longrun({ consumerFor: ['a', 'b'], pipelineName: 'logs' }),
    })
    g = removeWithLoggers(g, ['a']).graph
    expect(Object.keys(g.services).sort()).toEqual(['b', 'shared', 'user'])
    expect(g.services.shared).toMatchObject({ consumerFor: ['b'] })
  })
})

describe('dependencies and members', () => {
  it('adds and removes dependencies on atomic services only', () => {
    const g = graphOf({ db: longrun(), web: longrun(), grp: bundle() })
    const added = addDependency(g, 'web', 'db')
    expect(added.services.web).toMatchObject({ dependencies: ['db'] })
    expect(addDependency(added, 'web', 'db')).toBe(added)
    expect(addDependency(g, 'grp', 'db')).toBe(g)
    expect(removeDependency(added, 'web', 'db').services.web).toMatchObject({ dependencies: [] })
    expect(removeDependency(g, 'web', 'db')).toBe(g)
  })

  it('adds and removes bundle members', () => {
    const g = graphOf({ db: longrun(), grp: bundle() })
    const added = addBundleMember(g, 'grp', 'db')
    expect(added.services.grp).toMatchObject({ contents: ['db'] })
    expect(addBundleMember(added, 'grp', 'db')).toBe(added)
    expect(addBundleMember(g, 'db', 'grp')).toBe(g)
    expect(removeBundleMember(added, 'grp', 'db').services.grp).toMatchObject({ contents: [] })
    expect(removeBundleMember(g, 'grp', 'db')).toBe(g)
  })
})

describe('environment variables', () => {
  it('adds and removes variables on a longrun or the container', () => {
    const g = graphOf({ web: longrun(), prep: oneshot() })
    const v = { name: 'PORT', value: '3000' }
    const withVar = addEnvVar(g, v, 'web')
    expect((withVar.services.web as Longrun).env).toEqual([v])
    expect(addEnvVar(g, v, 'prep')).toBe(g)
    expect(removeEnvVar(withVar, 0, 'web').services.web).toMatchObject({ env: [] })
    expect(removeEnvVar(withVar, 5, 'web')).toBe(withVar)
    const container = addEnvVar(g, v)
    expect(container.project.env).toEqual([v])
    expect(removeEnvVar(container, 0).project.env).toEqual([])
    expect(removeEnvVar(container, -1)).toBe(container)
  })
})

describe('loggers', () => {
  it("adds a logger in s6-overlay's pattern and removes it again", () => {
    const g = graphOf({ api: longrun() })
    const logged = addLogger(g, 'api')
    expect(logged.services.api).toMatchObject({ producerFor: 'api-log' })
    expect(logged.services['api-log']).toMatchObject({
      consumerFor: ['api'],
      pipelineName: 'api-pipeline',
      dependencies: ['api-log-prepare'],
    })
    expect(logged.services.user).toMatchObject({ contents: ['api-pipeline'] })
    expect(validate(logged).filter((d) => d.severity !== 'info')).toEqual([])
    expect(addLogger(logged, 'api')).toBe(logged)

    const back = removeLogger(logged, 'api')
    expect(Object.keys(back.services).sort()).toEqual(['api', 'user'])
    expect(back.services.api).not.toHaveProperty('producerFor')
    expect(back.services.user).toMatchObject({ contents: ['api'] })
    expect(errors(back)).toEqual([])
  })

  it("prepares the log folder for nobody's own group, and fails when a step does", () => {
    const prepare = addLogger(graphOf({ api: longrun() }), 'api').services['api-log-prepare']
    if (prepare?.type !== 'oneshot') throw new Error('no prepare oneshot')
    // Run under sh with stand-ins for the commands: id answers a group, chown fails or not.
    const bin = mkdtempSync(join(tmpdir(), 's6d-prepare-'))
    const log = join(bin, 'calls')
    const stub = (name: string, body: string) => {
      writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n${body}\n`)
      chmodSync(join(bin, name), 0o755)
    }
    const run = (chown: string) => {
      writeFileSync(log, '')
      stub('mkdir', 'exit 0')
      stub('chmod', 'exit 0')
      stub('id', 'echo nobodygroup')
      stub('chown', chown)
      const r = spawnSync('/bin/sh', ['-c', prepare.up.body], {
        env: { ...process.env, PATH: bin },
      })
      return { status: r.status, calls: readFileSync(log, 'utf8').trim().split('\n') }
    }
    const ok = run('exit 0')
    expect(ok.status).toBe(0)
    expect(ok.calls).toEqual([
      'mkdir -p /var/log/api',
      'id -gn nobody',
      'chown nobody:nobodygroup /var/log/api',
      'chmod 02755 /var/log/api',
    ])
    // A group the image lacks: the oneshot fails (and the logger waits) instead of passing.
    const failed = run('exit 1')
    expect(failed.status).not.toBe(0)
    expect(failed.calls.at(-1)).toMatch(/^chown /)
  })

  it('refuses a logger whose names are taken, pipeline names included', () => {
    const g = graphOf({
      api: longrun(),
      x: longrun({ producerFor: 'y' }),
      y: longrun({ consumerFor: ['x'], pipelineName: 'api-pipeline' }),
    })
    expect(addLogger(g, 'api')).toBe(g)
    expect(
      addLogger(graphOf({ api: longrun(), 'api-log': longrun() }), 'api').services.api,
    ).not.toHaveProperty('producerFor')
  })

  it('unlinks one producer of a shared logger without removing the logger', () => {
    const g = graphOf(
      {
        a: longrun({ producerFor: 'log' }),
        b: longrun({ producerFor: 'log' }),
        log: longrun({ consumerFor: ['a', 'b'], pipelineName: 'logs' }),
      },
      { user: ['logs'] },
    )
    const next = removeLogger(g, 'a')
    expect(next.services.log).toMatchObject({ consumerFor: ['b'], pipelineName: 'logs' })
    expect(next.services.b).toMatchObject({ producerFor: 'log' })
    expect(next.services.a).not.toHaveProperty('producerFor')
    expect(next.services.user).toMatchObject({ contents: ['logs', 'a'] })
    expect(errors(next)).toEqual([])
  })
})

describe('renameWithLogger', () => {
  const logged = () => addLogger(graphOf({ web: longrun() }), 'web')

  it("renames a producer's own logger, its pipeline and the log folder with it", () => {
    const { graph, renamed, directory } = renameWithLogger(logged(), 'web', 'app')
    expect(renamed).toEqual([
      ['web-log', 'app-log'],
      ['web-pipeline', 'app-pipeline'],
      ['web-log-prepare', 'app-log-prepare'],
    ])
    expect(directory).toBe('/var/log/app')
    expect(Object.keys(graph.services).sort()).toEqual([
      'app',
      'app-log',
      'app-log-prepare',
      'user',
    ])
    // The same services addLogger gives a producer named app: nothing else differs.
    expect(graph.services).toEqual(addLogger(graphOf({ app: longrun() }), 'app').services)
    expect(validate(graph).filter((d) => d.severity !== 'info')).toEqual([])
  })

  it("keeps the log folder and the user's texts when the scripts were edited", () => {
    const g = logged()
    const log = g.services['web-log'] as Longrun
    const edited = updateService(g, 'web-log', {
      ...log,
      run: { language: 'execline', body: 'logutil-service /var/log/nginx' },
      description: 'Mine.',
    })
    const { graph, renamed, directory } = renameWithLogger(edited, 'web', 'app')
    expect(renamed.map(([, b]) => b)).toEqual(['app-log', 'app-pipeline', 'app-log-prepare'])
    expect(directory).toBeUndefined()
    expect(graph.services['app-log']).toMatchObject({
      run: { body: 'logutil-service /var/log/nginx' },
      description: 'Mine.',
      process: 's6-log /var/log/web',
    })
    expect((graph.services['app-log-prepare'] as Oneshot).up.body).toContain('/var/log/web')
  })

  it('moves an unchanged folder but keeps a description the user wrote', () => {
    const g = logged()
    const log = g.services['web-log'] as Longrun
    const mine = updateService(g, 'web-log', { ...log, description: 'Mine.' })
    const { graph, directory } = renameWithLogger(mine, 'web', 'app')
    expect(directory).toBe('/var/log/app')
    expect(graph.services['app-log']).toMatchObject({
      description: 'Mine.',
      run: { body: 'logutil-service /var/log/app' },
    })
  })

  it('leaves a logger alone that is shared, named otherwise, or whose new names are taken', () => {
    const shared = graphOf(
      {
        a: longrun({ producerFor: 'a-log' }),
        b: longrun({ producerFor: 'a-log' }),
        'a-log': longrun({ consumerFor: ['a', 'b'], pipelineName: 'a-pipeline' }),
      },
      { user: ['a-pipeline'] },
    )
    const one = renameWithLogger(shared, 'a', 'c')
    expect(one.renamed).toEqual([])
    expect(one.graph).toEqual(renameService(shared, 'a', 'c'))

    const other = graphOf({
      a: longrun({ producerFor: 'logs' }),
      logs: longrun({ consumerFor: ['a'], pipelineName: 'p' }),
    })
    expect(renameWithLogger(other, 'a', 'c').renamed).toEqual([])

    const taken = addService(logged(), 'app-log', longrun())
    const t = renameWithLogger(taken, 'web', 'app')
    expect(t.renamed).toEqual([])
    expect(t.graph.services['web-log']).toMatchObject({ consumerFor: ['app'] })
    expect(t.graph.services).toHaveProperty('app-log')
  })

  it('changes nothing when the rename itself cannot be made', () => {
    const g = logged()
    const r = renameWithLogger(g, 'web', 'web-log')
    expect(r.graph).toBe(g)
    expect(r.renamed).toEqual([])
  })
})

describe('moveService', () => {
  it('moves a service and keeps the graph when nothing changes', () => {
    const g = moveService(graphOf({ web: longrun() }), 'web', { x: 5, y: 6 })
    expect(g.layout.web).toEqual({ x: 5, y: 6 })
    expect(moveService(g, 'web', { x: 5, y: 6 })).toBe(g)
  })
})

describe('changeType', () => {
  const changed = (result: ReturnType<typeof changeType>) => {
    if (!result.ok) throw new Error(result.reason)
    return result
  }

  it('turns a oneshot into a longrun with its dependencies, timeouts and up script as run', () => {
    const up = { language: 'execline' as const, body: 'foreground { true }' }
    const g = graphOf({
      db: longrun(),
      migrate: oneshot({
        description: 'Migrates',
        dependencies: ['db'],
        timeoutUp: 5000,
        withContenv: false,
        up,
        down: { language: 'sh', body: 'echo down' },
      }),
      web: longrun({ dependencies: ['migrate'] }),
    })
    const { graph, dropped } = changed(changeType(g, 'migrate', 'longrun'))
    expect(graph.services.migrate).toEqual(
      longrun({
        description: 'Migrates',
        dependencies: ['db'],
        timeoutUp: 5000,
        withContenv: false,
        run: up,
      }),
    )
    expect(dropped).toEqual(['down'])
    // Other services keep their references and their identity.
    expect(graph.services.web).toBe(g.services.web)
    expect(graph.services.user).toBe(g.services.user)
    expect(errors(graph)).toEqual([])
  })

  it('turns a longrun into a oneshot with run as up, says what it left, and leaves the health check', () => {
    const g = graphOf(
      {
        web: longrun({
          run: { language: 'sh', body: 'exec puma' },
          env: [{ name: 'PORT', value: '3000' }],
          finish: { language: 'sh', body: 'echo bye' },
          dependencies: ['db'],
        }),
        db: longrun(),
      },
      {
        project: {
          healthcheck: {
            services: ['web', 'db'],
            intervalS: 30,
            timeoutS: 5,
            startPeriodS: 10,
            retries: 3,
          },
        },
      },
    )
    const { graph, dropped } = changed(changeType(g, 'web', 'oneshot'))
    expect(graph.services.web).toEqual(
      oneshot({ up: { language: 'sh', body: 'exec puma' }, dependencies: ['db'] }),
    )
    expect(dropped).toEqual(['env', 'finish', 'healthcheck'])
    expect(graph.project.healthcheck?.services).toEqual(['db'])
    expect(errors(graph)).toEqual([])
  })

  it('makes a bundle without the dependencies and script, and a bundle a service without members', () => {
    const g = graphOf({
      db: longrun(),
      web: longrun({ dependencies: ['db'], run: { language: 'sh', body: 'exec puma' } }),
      app: bundle({ contents: ['web'] }),
      worker: oneshot({ dependencies: ['web'] }),
    })
    const toBundle = changed(changeType(g, 'web', 'bundle'))
    expect(toBundle.graph.services.web).toEqual(bundle())
    expect(toBundle.dropped).toEqual(['run', 'dependencies'])
    // What pointed at web still does: a dependency or a member may be a bundle.
    expect(toBundle.graph.services.app).toBe(g.services.app)
    expect(toBundle.graph.services.worker).toBe(g.services.worker)
    const toOneshot = changed(changeType(g, 'app', 'oneshot'))
    expect(toOneshot.graph.services.app).toEqual(oneshot())
    expect(toOneshot.dropped).toEqual(['contents'])
  })

  it('keeps the description and essential flag, and reports nothing left at its default', () => {
    const g = graphOf({ cron: oneshot({ description: 'Nightly', essential: true }) })
    expect(changed(changeType(g, 'cron', 'bundle'))).toMatchObject({
      graph: { services: { cron: bundle({ description: 'Nightly', essential: true }) } },
      dropped: [],
    })
  })

  it('leaves the graph as it is for the same type or an unknown service', () => {
    const g = graphOf({ web: longrun() })
    expect(changed(changeType(g, 'web', 'longrun')).graph).toBe(g)
    expect(changed(changeType(g, 'nope', 'bundle')).graph).toBe(g)
  })

  it('refuses user and both ends of a logging pipeline, saying why', () => {
    const g = addLogger(graphOf({ api: longrun() }), 'api')
    const refused = (name: string) => {
      const result = changeType(g, name, 'oneshot')
      return result.ok ? undefined : result.reason
    }
    expect(refused('user')).toMatch(/stays a bundle/)
    expect(refused('api')).toMatch(/^api's output goes to api-log .*Remove its logger first\.$/)
    expect(refused('api-log')).toMatch(/^api-log reads the output of api /)
    // The logger's prepare oneshot is in no pipeline: it may change.
    expect(changeType(g, 'api-log-prepare', 'longrun').ok).toBe(true)
  })
})
