import { describe, expect, it } from 'vitest'
import { createContext } from '@/lib/generate/context'
import { dockerfileText } from '@/lib/generate/dockerfile'
import type { ServiceGraph } from '@/lib/graph/types'
import { bundle, findingsOf, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const dockerfile = (g: ServiceGraph) => dockerfileText(createContext(g))

describe('validate: s6-overlay pitfalls', () => {
  it('warns about a service nothing in user brings up', () => {
    const g = graphOf({ web: longrun(), cron: longrun() }, { user: ['web'] })
    const found = findingsOf(g, 'not-started')
    expect(found.map((d) => d.service)).toEqual(['cron'])
    expect(found[0]!.severity).toBe('warning')
  })

  it("counts dependencies, nested bundles, user2 and a producer's logger as started", () => {
    const g = graphOf({
      prep: oneshot(),
      web: longrun({ dependencies: ['prep'], producerFor: 'web-log' }),
      'web-log': longrun({ consumerFor: ['web'] }),
      inner: bundle({ contents: ['web'] }),
      outer: bundle({ contents: ['inner'] }),
      late: longrun(),
      user: bundle({ contents: ['outer'] }),
      user2: bundle({ contents: ['late'] }),
    })
    expect(findingsOf(g, 'not-started')).toEqual([])
    expect(findingsOf(g, 'not-started', 'plain')).toEqual([])
  })

  it('does not count a logger as starting its producer', () => {
    const g = graphOf(
      { web: longrun({ producerFor: 'web-log' }), 'web-log': longrun({ consumerFor: ['web'] }) },
      { user: ['web-log'] },
    )
    expect(findingsOf(g, 'not-started').map((d) => d.service)).toEqual(['web'])
  })

  it('warns about services not ordered after base when the project does not add it', () => {
    const project = { dependOnBase: false }
    const g = graphOf(
      {
        prep: oneshot({ dependencies: ['base'] }),
        web: longrun({ dependencies: ['prep'] }),
        cron: longrun(),
      },
      { project },
    )
    expect(findingsOf(g, 'no-base-dependency').map((d) => d.service)).toEqual(['cron'])
    expect(findingsOf(graphOf({ cron: longrun() }), 'no-base-dependency')).toEqual([])
  })

  it('sees the base dependency of a service that also depends on a dependency cycle', () => {
    const g = graphOf(
      {
        a: oneshot({ dependencies: ['b'] }),
        b: oneshot({ dependencies: ['a'] }),
        web: longrun({ dependencies: ['base', 'a'] }),
        loop: longrun({ dependencies: ['base', 'loop2'] }),
        loop2: longrun({ dependencies: ['loop'] }),
      },
      { project: { dependOnBase: false } },
    )
    // The cycle's own members without base are warned; web and loop (on a cycle) list base.
    expect(findingsOf(g, 'no-base-dependency').map((d) => d.service)).toEqual(['a', 'b'])
  })

  it('warns about a logger without a prepare oneshot', () => {
    const logger = (dependencies: string[]) =>
      graphOf({
        app: longrun({ producerFor: 'app-log' }),
        'app-log': longrun({
          consumerFor: ['app'],
          run: { language: 'execline', body: 'logutil-service /var/log/app' },
          dependencies,
        }),
        'app-log-prepare': oneshot(),
      })
    const found = findingsOf(logger([]), 'logger-without-prepare')
    expect(found.map((d) => d.service)).toEqual(['app-log'])
    expect(findingsOf(logger(['app-log-prepare']), 'logger-without-prepare')).toEqual([])
  })

  it('warns about readiness on a logutil-service consumer', () => {
    const g = (readiness?: { notificationFd: number }) =>
      graphOf({
        app: longrun({ producerFor: 'app-log' }),
        prep: oneshot(),
        'app-log': longrun({
          consumerFor: ['app'],
          dependencies: ['prep'],
          run: { language: 'execline', body: 'logutil-service /var/log/app' },
          ...(readiness ? { readiness } : {}),
        }),
      })
    expect(findingsOf(g({ notificationFd: 3 }), 'logutil-readiness')).toHaveLength(1)
    expect(findingsOf(g(), 'logutil-readiness')).toEqual([])
  })

  it('warns when the stop may exceed docker stop, and notes unbounded stops', () => {
    const slow = graphOf({
      a: longrun({ timeoutKill: 4000 }),
      b: longrun({ timeoutKill: 4000, dependencies: ['a'] }),
    })
    const over = findingsOf(slow, 'stop-over-docker-stop')
    expect(over).toHaveLength(1)
    expect(over[0]!.message).toContain('11.0 s')
    const fast = graphOf({
      a: longrun({ timeoutKill: 3000 }),
      b: longrun({ timeoutKill: 3000, dependencies: ['a'] }),
    })
    expect(findingsOf(fast, 'stop-over-docker-stop')).toEqual([])
    // Exactly docker stop's 10 s: the two race, so it counts as over.
    const even = graphOf({
      a: longrun({ timeoutKill: 3500 }),
      b: longrun({ timeoutKill: 3500, dependencies: ['a'] }),
    })
    expect(findingsOf(even, 'stop-over-docker-stop')).toHaveLength(1)
    const grace = graphOf(
      { a: longrun({ timeoutKill: 3000 }), b: longrun({ timeoutKill: 3000, dependencies: ['a'] }) },
      { project: { s6Env: { S6_KILL_GRACETIME: '5000' } } },
    )
    expect(findingsOf(grace, 'stop-over-docker-stop')).toHaveLength(1)

    const unbounded = graphOf({
      a: longrun(),
      b: oneshot({ down: { language: 'sh', body: 'cleanup' } }),
      c: longrun({ timeoutKill: 1000, finish: { language: 'sh', body: 'x' }, timeoutFinish: 0 }),
    })
    const notes = findingsOf(unbounded, 'stop-unbounded')
    expect(notes.map((d) => [d.service, d.field, d.severity])).toEqual([
      ['a', 'timeoutKill', 'info'],
      ['b', 'timeoutDown', 'info'],
      ['c', 'timeoutFinish', 'info'],
    ])
    expect(findingsOf(unbounded, 'stop-over-docker-stop')).toEqual([])
  })

  it('reports an unsupported s6-overlay version', () => {
    const found = findingsOf(
      graphOf({ web: longrun() }, { project: { overlayVersion: '2.2.0.3' } }),
      'overlay-version',
    )
    expect(found[0]).toMatchObject({ severity: 'error', field: 'project.overlayVersion' })
    expect(findingsOf(graphOf({ web: longrun() }), 'overlay-version')).toEqual([])
  })

  it('warns about a slow boot under a start limit the design sets, not under the one the export lifts', () => {
    const slow = (s6Env: Record<string, string>) =>
      graphOf(
        {
          migrate: oneshot({ estimatedUpMs: 6000 }),
          web: longrun({ dependencies: ['migrate'], timeoutUp: 20_000 }),
        },
        { project: { overlayVersion: '3.1.6.2', s6Env } },
      )
    const found = findingsOf(slow({ S6_CMD_WAIT_FOR_SERVICES_MAXTIME: '5000' }), 'boot-timeout')
    expect(found.map((d) => d.service ?? '(graph)')).toEqual(['(graph)', 'web'])
    expect(findingsOf(slow({ S6_CMD_WAIT_FOR_SERVICES_MAXTIME: '0' }), 'boot-timeout')).toEqual([])
    // Unset, the release's 5 s default is not what the container gets: the export writes 0.
    expect(findingsOf(slow({}), 'boot-timeout')).toEqual([])
    expect(dockerfile(slow({}))).toContain('ENV S6_CMD_WAIT_FOR_SERVICES_MAXTIME="0"')
    const modern = graphOf(
      { migrate: oneshot({ estimatedUpMs: 6000 }) },
      { project: { overlayVersion: '3.2.3.2' } },
    )
    expect(findingsOf(modern, 'boot-timeout')).toEqual([])
  })

  it('reports health check services that are not longruns of the graph', () => {
    const healthcheck = (services: string[]) => ({
      healthcheck: { services, intervalS: 30, timeoutS: 5, startPeriodS: 10, retries: 3 },
    })
    const g = graphOf(
      { web: longrun(), prep: oneshot() },
      { project: healthcheck(['web', 'prep', 'ghost']) },
    )
    expect(findingsOf(g, 'healthcheck-service').map((d) => d.field)).toEqual([
      'project.healthcheck.services.1',
      'project.healthcheck.services.2',
    ])
    expect(
      findingsOf(
        graphOf({ web: longrun() }, { project: healthcheck(['web']) }),
        'healthcheck-service',
      ),
    ).toEqual([])
  })
})

describe('validate: s6-overlay settings', () => {
  it('reports values s6-overlay misreads and names it does not know', () => {
    const g = graphOf(
      { web: longrun() },
      {
        project: {
          s6Env: {
            S6_KILL_GRACETIME: 'abc',
            S6_VERBOSITY: '7',
            S6_BEHAVIOUR_IF_STAGE2_FAILS: '2',
            S6_CMD_WAIT_FOR_SERVICES_MAXTIME: ' 60000 ',
            S6_KILL_GRACETIM: '3000',
            APP_MODE: 'x',
          },
        },
      },
    )
    const invalid = findingsOf(g, 's6-setting-invalid')
    expect(invalid.map((d) => [d.field, d.severity])).toEqual([
      ['project.s6Env.S6_KILL_GRACETIME', 'error'],
      ['project.s6Env.S6_VERBOSITY', 'error'],
    ])
    expect(invalid[0]!.message).toContain('not a whole number of milliseconds')
    expect(invalid[1]!.message).toContain('not one of 0, 1, 2, 3, 4, 5')
    expect(findingsOf(g, 's6-setting-unknown').map((d) => d.field)).toEqual([
      'project.s6Env.APP_MODE',
      'project.s6Env.S6_KILL_GRACETIM',
    ])
  })
})

describe('validate: a base image without a shell', () => {
  it('refuses scratch and distroless images (an error: the stage cannot build), and only those', () => {
    const base = (baseImage: string) =>
      findingsOf(graphOf({ web: longrun() }, { project: { baseImage } }), 'base-image-no-shell')
    for (const bad of [
      'scratch',
      'gcr.io/distroless/base-debian12',
      'gcr.io/distroless/static:nonroot',
    ])
      expect(
        base(bad).map((d) => d.severity),
        bad,
      ).toEqual(['error'])
    for (const ok of [
      'gcr.io/distroless/base-debian12:debug',
      'gcr.io/distroless/static:debug-nonroot',
      'debian:bookworm-slim',
      'alpine:3.20',
      'myregistry/scratchpad:1',
      'ruby:3.4-slim',
    ])
      expect(base(ok), ok).toEqual([])
  })
})

describe('validate: readiness that can hold the boot', () => {
  const ready = (fields: Parameters<typeof longrun>[0]) => graphOf({ web: longrun(fields) })

  it('warns about a notification fd nothing is seen to write to', () => {
    const found = findingsOf(
      ready({ readiness: { notificationFd: 3 }, timeoutUp: 5000 }),
      'readiness-without-check',
    )
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      service: 'web',
      severity: 'warning',
      field: 'readiness.check',
    })
    expect(found[0]!.message).toContain('fd 3')
    for (const quiet of [
      ready({ readiness: { notificationFd: 3, check: 'nc -z 127.0.0.1 80' }, timeoutUp: 5000 }),
      ready({
        readiness: { notificationFd: 3 },
        timeoutUp: 5000,
        run: { language: 'execline', body: 's6-log -d3 n20 s1000000 /var/log/web' },
      }),
      ready({
        readiness: { notificationFd: 4 },
        timeoutUp: 5000,
        run: { language: 'sh', body: 'exec web --notify-fd 4' },
      }),
    ])
      expect(findingsOf(quiet, 'readiness-without-check')).toEqual([])
  })

  it('warns about a wait for readiness that nothing limits', () => {
    const check = { notificationFd: 3, check: 'true' }
    const found = findingsOf(ready({ readiness: check }), 'readiness-unbounded')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ service: 'web', field: 'timeoutUp', file: 'timeout-up' })
    expect(
      findingsOf(ready({ readiness: check, timeoutUp: 0 }), 'readiness-unbounded'),
    ).toHaveLength(1)
    expect(
      findingsOf(ready({ readiness: check, timeoutUp: 30000 }), 'readiness-unbounded'),
    ).toEqual([])
    expect(findingsOf(ready({}), 'readiness-unbounded')).toEqual([])
    const bootLimit = graphOf(
      { web: longrun({ readiness: check }) },
      { project: { s6Env: { S6_CMD_WAIT_FOR_SERVICES_MAXTIME: '60000' } } },
    )
    expect(findingsOf(bootLimit, 'readiness-unbounded')).toEqual([])
  })
})

describe('project settings the export would replace', () => {
  it('reports a base image, stage name or folder the Dockerfile cannot take, on its field', () => {
    const bad = graphOf(
      { web: longrun() },
      { project: { baseImage: 'my company/ruby image', stageName: '1st', repoDir: '../up' } },
    )
    expect(findingsOf(bad, 'export-base-image')).toMatchObject([
      { severity: 'error', field: 'project.baseImage' },
    ])
    expect(findingsOf(bad, 'export-stage-name')).toMatchObject([
      { severity: 'error', field: 'project.stageName' },
    ])
    expect(findingsOf(bad, 'export-unsafe-path')).toMatchObject([
      { severity: 'error', field: 'project.repoDir' },
    ])
    const good = graphOf(
      { web: longrun() },
      { project: { baseImage: 'ruby:3.4-slim', stageName: 'final-s6', repoDir: './docker/s6/' } },
    )
    for (const code of ['export-base-image', 'export-stage-name', 'export-unsafe-path'])
      expect(findingsOf(good, code)).toEqual([])
  })
})
