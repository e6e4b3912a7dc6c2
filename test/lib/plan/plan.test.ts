import { describe, expect, it } from 'vitest'
import { closure, isOverlayService, processTree, startPlan, stopPlan } from '@/lib/plan/plan'
import { processLabel } from '@/lib/plan/process-tree'
import type { Longrun } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { bundle, exampleGraphs, graphOf, longrun, oneshot, shLongrun } from '../../fixtures/graphs'

const reference = exampleGraphs().reference!
const noBase = { project: { dependOnBase: false } }
/** The tests of the planner's mechanics plan the user bundle alone, not all s6-overlay boots. */
const USER = ['user']

describe('closure', () => {
  it("includes base's overlay oneshots when the services depend on base", () => {
    expect(closure(reference, USER)).toEqual([
      'config-check',
      'fix-attrs',
      'legacy-cont-init',
      'redis-ready',
      'scheduler',
      'web',
      'worker',
    ])
    expect(closure(graphOf({ web: longrun() }, noBase), USER)).toEqual(['web'])
    expect(isOverlayService('fix-attrs')).toBe(true)
    expect(isOverlayService('web')).toBe(false)
  })

  it('expands nested bundles and pipeline names, pulls in dependencies and loggers', () => {
    const g = graphOf(
      {
        prep: oneshot(),
        app: longrun({ producerFor: 'app-log' }),
        'app-log': longrun({ consumerFor: ['app'], dependencies: ['prep'], pipelineName: 'p' }),
        api: longrun({ producerFor: 'api-log' }),
        'api-log': longrun({ consumerFor: ['api'] }),
        inner: bundle({ contents: ['p'] }),
        user: bundle({ contents: ['inner', 'api'] }),
      },
      noBase,
    )
    expect(closure(g, USER)).toEqual(['api', 'api-log', 'app', 'app-log', 'prep'])
    expect(closure(g, ['api-log'])).toEqual(['api-log'])
    expect(closure(g, ['ghost'])).toEqual([])
  })
})

describe('startPlan', () => {
  it('plans the reference example as s6-overlay boots it: change top', () => {
    const plan = startPlan(reference)
    expect(plan.targets).toEqual(['top'])
    // legacy-cont-init needs fix-attrs (s6-overlay's own sources); legacy-services comes last.
    expect(plan.waves).toEqual([
      ['fix-attrs'],
      ['legacy-cont-init'],
      ['config-check', 'redis-ready'],
      ['scheduler', 'web', 'worker'],
      ['legacy-services'],
    ])
    expect(plan.criticalPath).toEqual([
      'fix-attrs',
      'legacy-cont-init',
      'config-check',
      'scheduler',
      'legacy-services',
    ])
    expect(plan.totalMs).toBe(100 + 100 + 2000 + 10 + 100)
    const web = plan.timeline.find((e) => e.name === 'web')!
    expect(web).toMatchObject({
      type: 'longrun',
      overlay: false,
      wave: 3,
      startMs: 2200,
      endMs: 2210,
      readyMs: 6200,
      estimated: false,
      dependencies: ['config-check', 'fix-attrs', 'legacy-cont-init', 'redis-ready'],
    })
    const redis = plan.timeline.find((e) => e.name === 'redis-ready')!
    expect(redis).toMatchObject({
      estimated: true,
      timeoutMs: 30000,
      startMs: 200,
      endMs: 1700,
      critical: false,
    })
    expect(plan.timeline.find((e) => e.name === 'fix-attrs')).toMatchObject({
      overlay: true,
      estimated: false,
    })
  })

  it('starts each service as soon as its own dependencies are up (event-driven)', () => {
    const g = graphOf(
      {
        o1: oneshot({ estimatedUpMs: 100 }),
        o2: oneshot({ estimatedUpMs: 100, dependencies: ['o1'] }),
        o3: oneshot({ estimatedUpMs: 500 }),
        o4: oneshot({ estimatedUpMs: 100, dependencies: ['o2', 'o3'] }),
      },
      noBase,
    )
    const plan = startPlan(g, USER)
    const at = (n: string) => plan.timeline.find((e) => e.name === n)!
    expect(at('o2').startMs).toBe(100)
    expect(at('o4').startMs).toBe(500)
    expect(plan.waves).toEqual([['o1', 'o3'], ['o2'], ['o4']])
    expect(plan.criticalPath).toEqual(['o3', 'o4'])
    expect(plan.totalMs).toBe(600)
  })

  it('waits for readiness only when a longrun has a notification fd', () => {
    const g = (readiness: boolean) =>
      graphOf(
        {
          db: longrun({
            estimatedUpMs: 3000,
            ...(readiness ? { readiness: { notificationFd: 3 } } : {}),
          }),
          app: oneshot({ dependencies: ['db'], estimatedUpMs: 50 }),
        },
        noBase,
      )
    expect(startPlan(g(false), USER).timeline.find((e) => e.name === 'app')!.startMs).toBe(10)
    expect(startPlan(g(true), USER).timeline.find((e) => e.name === 'app')!.startMs).toBe(3000)
    const defaulted = graphOf({ db: longrun({ readiness: { notificationFd: 3 } }) }, noBase)
    expect(startPlan(defaulted, USER).timeline[0]).toMatchObject({ endMs: 200, estimated: false })
  })

  it('fails a service estimated past its timeout-up, and never starts what needs it', () => {
    const g = graphOf(
      {
        migrate: oneshot({ estimatedUpMs: 8000, timeoutUp: 5000 }),
        db: longrun({ estimatedUpMs: 900, timeoutUp: 500, readiness: { notificationFd: 3 } }),
        // No readiness: up once spawned, so its timeout-up is never reached.
        cache: longrun({ estimatedUpMs: 900, timeoutUp: 500 }),
        // A default duration (100 ms) is a guess: it never says a service times out.
        guess: oneshot({ timeoutUp: 50 }),
        web: longrun({ dependencies: ['migrate', 'cache'] }),
        api: longrun({ dependencies: ['db', 'migrate'] }),
        grp: bundle({ contents: ['api'] }),
        proxy: longrun({ dependencies: ['grp', 'guess'] }),
        user: bundle({ contents: ['web', 'proxy', 'guess'] }),
      },
      noBase,
    )
    const plan = startPlan(g, USER)
    const at = (n: string) => plan.timeline.find((e) => e.name === n)!
    expect(at('migrate')).toMatchObject({ startMs: 0, endMs: 5000, timedOut: { estimateMs: 8000 } })
    expect(at('db')).toMatchObject({ endMs: 500, timedOut: { estimateMs: 900 } })
    expect(at('cache').timedOut).toBeUndefined()
    // Up once spawned: its limit bounds only the spawn.
    expect(at('cache').spawnOnly).toBe(true)
    expect(at('db').spawnOnly).toBeUndefined()
    expect(at('migrate').spawnOnly).toBeUndefined()
    expect(at('guess')).toMatchObject({ endMs: 100 })
    expect(at('guess').timedOut).toBeUndefined()
    // Each blocked service names the first failure it waits on, and is placed when what it
    // needs is done (started or failed).
    expect(at('web')).toMatchObject({ blockedBy: 'migrate', startMs: 5000, endMs: 5000 })
    expect(at('api')).toMatchObject({ blockedBy: 'db', startMs: 5000, endMs: 5000 })
    expect(at('proxy')).toMatchObject({ blockedBy: 'db', startMs: 5000 })
    expect(plan.failed).toEqual(['db', 'migrate'])
    expect(plan.notStarted.sort()).toEqual(['api', 'proxy', 'web'])
    // s6-rc is done when migrate is given up on; the chain to it is the critical path.
    expect(plan.totalMs).toBe(5000)
    expect(plan.criticalPath).toEqual(['migrate'])
    const fine = graphOf({ migrate: oneshot({ estimatedUpMs: 4000, timeoutUp: 5000 }) }, noBase)
    expect(startPlan(fine, USER)).toMatchObject({ failed: [], notStarted: [], totalMs: 4000 })
  })

  it('treats a dependency on a bundle as a dependency on each member', () => {
    const g = graphOf(
      {
        a: oneshot({ estimatedUpMs: 100 }),
        b: oneshot({ estimatedUpMs: 300 }),
        grp: bundle({ contents: ['a', 'b'] }),
        web: longrun({ dependencies: ['grp'] }),
      },
      noBase,
    )
    const web = startPlan(g, USER).timeline.find((e) => e.name === 'web')!
    expect(web).toMatchObject({ startMs: 300, wave: 1, dependencies: ['a', 'b'] })
  })

  it('does not throw on cycles: the services on them come last', () => {
    const g = graphOf(
      { a: oneshot({ dependencies: ['b'] }), b: oneshot({ dependencies: ['a'] }), c: oneshot() },
      noBase,
    )
    const plan = startPlan(g, USER)
    expect(plan.waves).toEqual([['c'], ['a', 'b']])
  })
})

describe('stopPlan', () => {
  it('leaves a flag-essential service and what it needs running, as s6-rc -bda does', () => {
    const g = graphOf(
      {
        db: longrun({ timeoutKill: 2000 }),
        api: longrun({
          essential: true,
          dependencies: ['db'],
          producerFor: 'api-log',
          timeoutKill: 9000,
        }),
        'api-log': longrun({
          consumerFor: ['api'],
          pipelineName: 'api-pipeline',
          timeoutKill: 1000,
        }),
        web: longrun({ dependencies: ['db'], timeoutKill: 3000, downSignal: 'SIGBOGUS' }),
      },
      { user: ['api-pipeline', 'web'], project: { dependOnBase: false } },
    )
    const plan = stopPlan(g, USER)
    const step = (name: string) => plan.steps.find((s) => s.name === name)
    expect(step('api')).toMatchObject({ kept: 'essential', budgetMs: 0 })
    expect(step('db')).toMatchObject({ kept: 'needed-by-essential', budgetMs: 0 })
    expect(step('api-log')).toMatchObject({ kept: 'needed-by-essential', budgetMs: 0 })
    // web is stopped as usual, with SIGTERM: s6 does not know SIGBOGUS.
    expect(step('web')).toMatchObject({ signal: 'SIGTERM', budgetMs: 3000 })
    expect(step('web')).not.toHaveProperty('kept')
    expect(plan.servicesMs).toBe(3000)
  })

  it('plans the reference example as s6-overlay stops it: everything top brought up', () => {
    const plan = stopPlan(reference)
    expect(plan.waves).toEqual([
      ['legacy-services'],
      ['scheduler', 'web', 'worker'],
      ['config-check', 'redis-ready'],
      ['legacy-cont-init'],
      ['fix-attrs'],
    ])
    expect(plan.order[1]).toBe('scheduler')
    expect(plan.steps.find((s) => s.name === 'web')).toEqual({
      name: 'web',
      type: 'longrun',
      overlay: false,
      wave: 1,
      signal: 'SIGTERM',
      killAfterMs: 5000,
      finishMs: 1000,
      budgetMs: 6000,
    })
    expect(plan.steps.find((s) => s.name === 'redis-ready')).toMatchObject({
      killAfterMs: 0,
      budgetMs: 0,
    })
    expect(plan).toMatchObject({
      servicesMs: 6000,
      killGraceMs: 3000,
      totalMs: 9000,
      dockerStopMs: 10000,
      overDockerStop: false,
    })
  })

  it('adds up the chain of dependents and the kill grace time', () => {
    const g = graphOf(
      {
        db: longrun({ timeoutKill: 4000, downSignal: 'SIGINT' }),
        web: longrun({
          timeoutKill: 2000,
          dependencies: ['db'],
          finish: { language: 'sh', body: 'x' },
        }),
      },
      { project: { dependOnBase: false, s6Env: { S6_KILL_GRACETIME: '1000' } } },
    )
    const plan = stopPlan(g, USER)
    expect(plan.order).toEqual(['web', 'db'])
    expect(plan.steps.map((s) => [s.name, s.signal, s.budgetMs])).toEqual([
      ['web', 'SIGTERM', 7000],
      ['db', 'SIGINT', 4000],
    ])
    expect(plan).toMatchObject({
      servicesMs: 11000,
      killGraceMs: 1000,
      totalMs: 12000,
      overDockerStop: true,
    })
  })

  it('reports unbounded steps and lets timeout-down cap them', () => {
    const g = (fields: Partial<Longrun>) => graphOf({ web: longrun(fields) }, noBase)
    expect(stopPlan(g({}), USER)).toMatchObject({
      servicesMs: null,
      totalMs: null,
      overDockerStop: true,
    })
    expect(stopPlan(g({}), USER).steps[0]).toMatchObject({ killAfterMs: null, budgetMs: null })
    expect(stopPlan(g({ timeoutDown: 2500 }), USER).steps[0]!.budgetMs).toBe(2500)
    expect(stopPlan(g({ timeoutKill: 9000, timeoutDown: 2500 }), USER).steps[0]!.budgetMs).toBe(
      2500,
    )
    const finishForever = g({
      timeoutKill: 100,
      finish: { language: 'sh', body: 'x' },
      timeoutFinish: 0,
    })
    expect(stopPlan(finishForever, USER).steps[0]!.budgetMs).toBeNull()
  })

  it('budgets a oneshot by its down script', () => {
    const g = graphOf(
      {
        a: oneshot({ down: { language: 'sh', body: 'cleanup' } }),
        b: oneshot({ down: { language: 'sh', body: 'cleanup' }, timeoutDown: 700 }),
        c: oneshot({ timeoutDown: 700 }),
      },
      noBase,
    )
    expect(stopPlan(g, USER).steps.map((s) => [s.name, s.killAfterMs, s.budgetMs])).toEqual([
      ['a', null, null],
      ['b', 700, 700],
      ['c', 0, 0],
    ])
  })

  it('stops a producer before its logger', () => {
    const g = graphOf(
      {
        app: longrun({ producerFor: 'log', timeoutKill: 1 }),
        log: longrun({ consumerFor: ['app'], timeoutKill: 1 }),
      },
      { ...noBase, user: ['app'] },
    )
    expect(stopPlan(g, USER).waves).toEqual([['app'], ['log']])
  })
})

describe('the plans of what the container boots and stops', () => {
  // web in user; worker in user2, after s6-overlay's legacy services, as its README advises.
  const withUser2 = graphOf(
    {
      web: longrun({ timeoutKill: 2000 }),
      worker: longrun({ timeoutKill: 6000, dependencies: ['legacy-services'] }),
      user2: bundle({ contents: ['worker'] }),
    },
    { user: ['web'] },
  )

  it('start and stop top: user2 and legacy-services too, and base even without a dependency on it', () => {
    const start = startPlan(withUser2)
    expect(start.waves).toEqual([
      ['fix-attrs'],
      ['legacy-cont-init'],
      ['web'],
      ['legacy-services'],
      ['worker'],
    ])
    const stop = stopPlan(withUser2)
    expect(stop.waves[0]).toEqual(['worker'])
    // worker 6 s, then web 2 s, then the grace time: over docker stop's 10 s.
    expect(stop).toMatchObject({ servicesMs: 8000, totalMs: 11000, overDockerStop: true })
    const alone = graphOf({ web: longrun({ timeoutKill: 2000 }) }, noBase)
    expect(closure(alone)).toEqual(['fix-attrs', 'legacy-cont-init', 'legacy-services', 'web'])
  })

  it('agree with validation on the stop budget', () => {
    const over = validate(withUser2).find((d) => d.code === 'stop-over-docker-stop')
    expect(over?.message).toContain('up to 11.0 s')
  })

  it("keep a flag-essential bundle's members and what they need running, as s6-rc-compile copies the flag to them", () => {
    const g = graphOf(
      {
        db: longrun({ timeoutKill: 2000 }),
        cache: longrun({ timeoutKill: 2000, dependencies: ['disk'] }),
        disk: oneshot({ down: { language: 'sh', body: 'umount /data' } }),
        core: bundle({ contents: ['inner'], essential: true }),
        inner: bundle({ contents: ['db', 'cache'] }),
        web: longrun({ dependencies: ['db'], timeoutKill: 3000 }),
      },
      { user: ['web', 'core'], project: { dependOnBase: false } },
    )
    const plan = stopPlan(g, USER)
    const step = (name: string) => plan.steps.find((s) => s.name === name)
    expect(step('db')).toMatchObject({ kept: 'essential', budgetMs: 0 })
    expect(step('cache')).toMatchObject({ kept: 'essential', budgetMs: 0 })
    expect(step('disk')).toMatchObject({ kept: 'needed-by-essential', budgetMs: 0 })
    expect(step('web')).not.toHaveProperty('kept')
    expect(plan.servicesMs).toBe(3000)
  })

  it('count a daemon sent SIGKILL as gone at once, timeout-kill or not', () => {
    const g = (fields: Partial<Longrun>) => graphOf({ web: longrun(fields) }, noBase)
    expect(stopPlan(g({ downSignal: 'SIGKILL' }), USER).steps[0]).toMatchObject({
      signal: 'SIGKILL',
      budgetMs: 0,
    })
    const finish = { language: 'sh' as const, body: 'x' }
    expect(
      stopPlan(g({ downSignal: 'SIGKILL', finish, timeoutFinish: 1500 }), USER).steps[0]!.budgetMs,
    ).toBe(1500)
  })

  it('say how long an unbounded stop takes at least', () => {
    const g = graphOf(
      {
        web: longrun({ timeoutKill: 8000 }),
        log: longrun({ dependencies: ['web'] }),
      },
      noBase,
    )
    const plan = stopPlan(g, USER)
    expect(plan).toMatchObject({ totalMs: null, atLeastMs: 11000 })
    const over = validate(g).find((d) => d.code === 'stop-over-docker-stop')
    expect(over?.message).toContain('at least 11.0 s')
  })
})

describe('processTree', () => {
  it('shows s6-svscan as PID 1 (what /init becomes), the internal supervisors and one supervisor per longrun', () => {
    const g = exampleGraphs()['logger-pipeline']!
    const tree = processTree(g)
    expect(tree).toMatchObject({ label: 's6-svscan /run/service', kind: 'init' })
    const svscan = tree
    expect(svscan.children.map((c) => [c.label, c.kind, c.quiet])).toEqual([
      ['s6-supervise s6-linux-init-shutdownd', 'internal', true],
      ['s6-supervise s6rc-fdholder', 'internal', true],
      ['s6-supervise s6rc-oneshot-runner', 'internal', true],
      ['s6-supervise api', 'supervise', false],
      ['s6-supervise api-log', 'supervise', false],
    ])
    expect(svscan.children[4]!.children[0]).toMatchObject({
      label: 's6-log /var/log/api',
      kind: 'logger',
      service: 'api-log',
    })
    expect(svscan.children[3]!.children[0]).toMatchObject({
      label: 'node server.js',
      kind: 'process',
    })
  })

  it('lists declared children with their count', () => {
    const web = processTree(reference).children.find((c) => c.service === 'web')!
    expect(web.children[0]).toMatchObject({
      label: 'puma master',
      children: [
        {
          label: 'puma worker',
          kind: 'child',
          count: 'PUMA_WORKERS',
          service: 'web',
          children: [],
        },
      ],
    })
  })

  it('shows the supervisor of a longrun the boot does not start, idle, and no oneshot', () => {
    const g = graphOf({ a: longrun(), b: longrun(), c: oneshot() }, { user: ['a', 'c'] })
    const own = processTree(g).children.filter((c) => !c.quiet)
    expect(own.map((c) => [c.label, c.idle ?? false, c.children.length])).toEqual([
      ['s6-supervise a', false, 1],
      ['s6-supervise b', true, 0],
    ])
  })

  it('shows s6-fdholderd only when a pipeline needs it', () => {
    const holder = (g: ReturnType<typeof graphOf>) =>
      processTree(g).children.find((c) => c.label === 's6-supervise s6rc-fdholder')!
    expect(holder(graphOf({ a: longrun() })).children).toEqual([])
    const piped = exampleGraphs()['logger-pipeline']!
    expect(holder(piped).children.map((c) => c.label)).toEqual(['s6-fdholderd'])
  })
})

describe('processLabel', () => {
  it.each([
    ['cd /app\nexec bundle exec puma -C etc/puma.rb', 'sh', 'bundle exec puma -C etc/puma.rb'],
    ['exec 2>&1\nexec s6-setuidgid app node server.js', 'sh', 'node server.js'],
    ['FOO=1 exec x', 'sh', undefined],
    [
      'with-contenv\ns6-envdir ./env\nfdmove -c 2 1\nnginx -g "daemon off;"',
      'execline',
      'nginx -g daemon off;',
    ],
    ['logutil-service /var/log/x', 'execline', 's6-log /var/log/x'],
  ])('derives %j', (body, language, label) => {
    const service = shLongrun(body) as Longrun
    service.run.language = language as 'sh' | 'execline'
    expect(processLabel(service)).toBe(label)
  })
})
