import { describe, expect, it } from 'vitest'
import { exportFiles, exportProblems } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import { sourceTreeFiles } from '@/lib/generate/source-tree'
import type { ServiceGraph } from '@/lib/graph/types'
import { bundle, exampleGraphs, graphOf, longrun, oneshot } from '../../fixtures/graphs'

const ROOT = 'docker/s6/rootfs/etc/s6-overlay'
const SRC = `${ROOT}/s6-rc.d`

function text(files: FileMap, path: string): string | undefined {
  return files.get(path)?.contents
}

function under(files: FileMap, prefix: string): string[] {
  return [...files.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length))
}

describe('sourceTreeFiles: folders and marker files', () => {
  const graph = graphOf({
    prep: oneshot({ dependencies: [] }),
    web: longrun({ dependencies: ['prep', 'group'] }),
    group: bundle({ contents: ['prep'] }),
    empty: bundle({ contents: [] }),
  })
  const files = sourceTreeFiles(graph)

  it('writes a type file per service with one trailing LF', () => {
    expect(text(files, `${SRC}/prep/type`)).toBe('oneshot\n')
    expect(text(files, `${SRC}/web/type`)).toBe('longrun\n')
    expect(text(files, `${SRC}/group/type`)).toBe('bundle\n')
  })

  it('lists dependencies as empty files in dependencies.d, base included by default', () => {
    expect(under(files, `${SRC}/web/dependencies.d/`)).toEqual(['base', 'group', 'prep'])
    expect(text(files, `${SRC}/web/dependencies.d/prep`)).toBe('')
    expect(under(files, `${SRC}/prep/dependencies.d/`)).toEqual(['base'])
  })

  it('leaves base out when the project turns dependOnBase off', () => {
    const g = { ...graph, project: { ...graph.project, dependOnBase: false } }
    const f = sourceTreeFiles(g)
    expect(under(f, `${SRC}/web/dependencies.d/`)).toEqual(['group', 'prep'])
    expect(under(f, `${SRC}/prep/`).some((p) => p.startsWith('dependencies.d'))).toBe(false)
  })

  it('gives user-defined bundles a type and contents.d, and an empty one a .empty marker', () => {
    expect(under(files, `${SRC}/group/`)).toEqual(['contents.d/prep', 'type'])
    expect(under(files, `${SRC}/empty/`)).toEqual(['contents.d/.empty', 'type'])
  })

  it('writes no dependencies.d for bundles and no run for oneshots', () => {
    expect(under(files, `${SRC}/group/`).some((p) => p.startsWith('dependencies.d'))).toBe(false)
    expect(files.has(`${SRC}/prep/run`)).toBe(false)
  })
})

describe('sourceTreeFiles: the user bundle follows the target release (FORMAT §5)', () => {
  const services = { web: longrun(), job: oneshot() }

  it('3.2.3.2: only user-bundles.d/user/contents.d entries, never s6-rc.d/user', () => {
    const files = sourceTreeFiles(graphOf(services, { project: { overlayVersion: '3.2.3.2' } }))
    expect(under(files, `${ROOT}/user-bundles.d/`)).toEqual([
      'user/contents.d/job',
      'user/contents.d/web',
    ])
    expect(under(files, `${SRC}/user/`)).toEqual([])
  })

  it('3.2.2.0 and older: only s6-rc.d/user/contents.d entries, no type file (the overlay ships it)', () => {
    for (const v of ['3.2.2.0', '3.1.6.2', '3.1.5.0']) {
      const files = sourceTreeFiles(graphOf(services, { project: { overlayVersion: v } }))
      expect(under(files, `${SRC}/user/`)).toEqual(['contents.d/job', 'contents.d/web'])
      expect(under(files, `${ROOT}/user-bundles.d/`)).toEqual([])
    }
  })

  it('user2 members go next to user', () => {
    const g = graphOf({ ...services, user2: bundle({ contents: ['job'] }) })
    expect(under(sourceTreeFiles(g), `${ROOT}/user-bundles.d/user2/`)).toEqual(['contents.d/job'])
  })
})

describe('sourceTreeFiles: oneshots', () => {
  const g = graphOf({
    migrate: oneshot({
      up: { language: 'sh', body: 'cd /srv || exit 1\nexec ./migrate\n\n' },
      down: { language: 'execline', body: 'foreground { echo bye }' },
      timeoutUp: 30000,
      timeoutDown: 0,
    }),
    plain: oneshot({ withContenv: false, up: { language: 'sh', body: 'true' } }),
  })
  const files = sourceTreeFiles(g)

  it('writes one-line up and down calling scripts under /etc/s6-overlay/scripts', () => {
    expect(text(files, `${SRC}/migrate/up`)).toBe('/etc/s6-overlay/scripts/migrate\n')
    expect(text(files, `${SRC}/migrate/down`)).toBe('/etc/s6-overlay/scripts/migrate-down\n')
  })

  it('puts the bodies in executable scripts with the right interpreter line', () => {
    expect(files.get(`${ROOT}/scripts/migrate`)).toEqual({
      contents: '#!/command/with-contenv sh\ncd /srv || exit 1\nexec ./migrate\n',
      executable: true,
    })
    expect(text(files, `${ROOT}/scripts/migrate-down`)).toBe(
      '#!/command/execlineb -P\nwith-contenv # s6-designer\nforeground { echo bye }\n',
    )
    expect(text(files, `${ROOT}/scripts/plain`)).toBe('#!/bin/sh\ntrue\n')
  })

  it('writes timeouts only when set, 0 included', () => {
    expect(text(files, `${SRC}/migrate/timeout-up`)).toBe('30000\n')
    expect(text(files, `${SRC}/migrate/timeout-down`)).toBe('0\n')
    expect(files.has(`${SRC}/plain/timeout-up`)).toBe(false)
  })

  it('never gives two oneshots the same script, and says so', () => {
    const clash = graphOf({
      a: oneshot({ down: { language: 'sh', body: 'true' } }),
      'a-down': oneshot(),
    })
    const f = sourceTreeFiles(clash)
    expect(text(f, `${ROOT}/scripts/a-down`)).toBe('#!/command/with-contenv sh\necho "ready"\n')
    expect(f.has(`${SRC}/a/down`)).toBe(false)
    expect(exportProblems(clash).map((p) => p.code)).toContain('export-script-collision')
  })
})

describe('sourceTreeFiles: longruns', () => {
  function longrunFiles(
    fields: Parameters<typeof longrun>[0],
    extra: Record<string, ReturnType<typeof longrun>> = {},
  ): FileMap {
    return sourceTreeFiles(graphOf({ svc: longrun(fields), ...extra }))
  }

  it('sh run: with-contenv interpreter by default, #!/bin/sh without it, body as written', () => {
    expect(
      text(longrunFiles({ run: { language: 'sh', body: 'exec app' } }), `${SRC}/svc/run`),
    ).toBe('#!/command/with-contenv sh\nexec app\n')
    expect(
      text(
        longrunFiles({ withContenv: false, run: { language: 'sh', body: 'exec app' } }),
        `${SRC}/svc/run`,
      ),
    ).toBe('#!/bin/sh\nexec app\n')
  })

  it('execline: -P for run, -S0 for finish, with-contenv first after the interpreter line', () => {
    const f = longrunFiles({
      run: { language: 'execline', body: 'app --flag' },
      finish: { language: 'execline', body: 'echo $1' },
    })
    expect(text(f, `${SRC}/svc/run`)).toBe(
      '#!/command/execlineb -P\nwith-contenv # s6-designer\napp --flag\n',
    )
    expect(text(f, `${SRC}/svc/finish`)).toBe(
      '#!/command/execlineb -S0\nwith-contenv # s6-designer\necho $1\n',
    )
    expect(f.get(`${SRC}/svc/finish`)?.executable).toBe(true)
  })

  it('joins stderr to stdout only for a producer, in both languages', () => {
    const extra = {
      log: longrun({
        consumerFor: ['svc'],
        run: { language: 'execline', body: 's6-log /var/log/x' },
      }),
    }
    const sh = longrunFiles({ producerFor: 'log' }, extra)
    expect(text(sh, `${SRC}/svc/run`)).toBe(
      '#!/command/with-contenv sh\nexec 2>&1 # s6-designer\nexec sleep infinity\n',
    )
    const el = longrunFiles(
      { producerFor: 'log', run: { language: 'execline', body: 'app' } },
      extra,
    )
    expect(text(el, `${SRC}/svc/run`)).toBe(
      '#!/command/execlineb -P\nwith-contenv # s6-designer\nfdmove -c 2 1 # s6-designer\napp\n',
    )
    expect(text(sh, `${SRC}/svc/producer-for`)).toBe('log\n')
    expect(text(sh, `${SRC}/log/consumer-for`)).toBe('svc\n')
    expect(text(sh, `${SRC}/log/run`)).not.toContain('2>&1')
    expect(text(sh, `${SRC}/log/run`)).not.toContain('fdmove')
  })

  it('writes env/ files (value plus one LF) and loads them with s6-envdir -Lf; secrets stay out', () => {
    const f = longrunFiles({
      env: [
        { name: 'PORT', value: '3000' },
        { name: 'MULTI', value: 'a\nb\n' },
        { name: 'TOKEN', value: 'hidden', secret: true },
      ],
    })
    expect(text(f, `${SRC}/svc/env/PORT`)).toBe('3000\n')
    expect(text(f, `${SRC}/svc/env/MULTI`)).toBe('a\nb\n\n')
    expect(f.has(`${SRC}/svc/env/TOKEN`)).toBe(false)
    expect(text(f, `${SRC}/svc/run`)).toBe(
      [
        '#!/command/with-contenv sh',
        'if [ -z "${S6_DESIGNER_WRAPPED:-}" ]; then exec env S6_DESIGNER_WRAPPED=1 s6-envdir -Lf ./env sh "$0" "$@"; fi # s6-designer',
        'unset S6_DESIGNER_WRAPPED # s6-designer',
        'exec sleep infinity',
        '',
      ].join('\n'),
    )
  })

  it('does not load env/ when every variable is a secret (s6-envdir would fail on a missing folder)', () => {
    const f = longrunFiles({ env: [{ name: 'TOKEN', value: '', secret: true }] })
    expect(text(f, `${SRC}/svc/run`)).not.toContain('s6-envdir')
  })

  it('readiness with a check: notification-fd, executable data/check, run wrapped in s6-notifyoncheck', () => {
    const f = longrunFiles({
      readiness: { notificationFd: 3, check: 'curl -fsS http://127.0.0.1:3000/health' },
      run: { language: 'execline', body: 'app' },
      env: [{ name: 'A', value: '1' }],
    })
    expect(text(f, `${SRC}/svc/notification-fd`)).toBe('3\n')
    expect(f.get(`${SRC}/svc/data/check`)).toEqual({
      contents: '#!/bin/sh\ncurl -fsS http://127.0.0.1:3000/health\n',
      executable: true,
    })
    expect(text(f, `${SRC}/svc/run`)).toBe(
      [
        '#!/command/execlineb -P',
        'with-contenv # s6-designer',
        's6-envdir -Lf ./env # s6-designer',
        's6-notifyoncheck -d -n 0 # s6-designer',
        'app',
        '',
      ].join('\n'),
    )
  })

  it('readiness without a check: only notification-fd (the daemon notifies itself)', () => {
    const f = longrunFiles({ readiness: { notificationFd: 4 } })
    expect(text(f, `${SRC}/svc/notification-fd`)).toBe('4\n')
    expect(f.has(`${SRC}/svc/data/check`)).toBe(false)
    expect(text(f, `${SRC}/svc/run`)).not.toContain('notifyoncheck')
  })

  it('writes s6-supervise settings only when set', () => {
    const none = longrunFiles({})
    expect(under(none, `${SRC}/svc/`)).toEqual(['dependencies.d/base', 'run', 'type'])
    const all = longrunFiles({
      timeoutKill: 5000,
      timeoutFinish: 1000,
      downSignal: 'SIGQUIT',
      maxDeathTally: 10,
      lockFd: 5,
      timeoutUp: 100,
      timeoutDown: 200,
    })
    expect(under(all, `${SRC}/svc/`)).toEqual([
      'dependencies.d/base',
      'down-signal',
      'lock-fd',
      'max-death-tally',
      'run',
      'timeout-down',
      'timeout-finish',
      'timeout-kill',
      'timeout-up',
      'type',
    ])
    expect(text(all, `${SRC}/svc/down-signal`)).toBe('SIGQUIT\n')
    expect(text(all, `${SRC}/svc/lock-fd`)).toBe('5\n')
  })

  it('writes pipeline-name on the last consumer', () => {
    const g = graphOf(
      {
        app: longrun({ producerFor: 'app-log' }),
        'app-log': longrun({ consumerFor: ['app'], pipelineName: 'app-pipeline' }),
      },
      { user: ['app-pipeline'] },
    )
    const f = sourceTreeFiles(g)
    expect(text(f, `${SRC}/app-log/pipeline-name`)).toBe('app-pipeline\n')
    expect(text(f, `${ROOT}/user-bundles.d/user/contents.d/app-pipeline`)).toBe('')
  })

  it('keeps data/ files verbatim (modes too) and refuses other paths', () => {
    const f = longrunFiles({
      readiness: { notificationFd: 3, check: 'true' },
      extraFiles: [
        { path: 'data/config.toml', contents: 'a = 1' },
        { path: 'data/bin/tool', contents: '#!/bin/sh\n', executable: true },
        { path: 'data/check', contents: 'clobber' },
        { path: '../escape', contents: 'x' },
        { path: 'run', contents: 'x' },
      ],
    })
    expect(f.get(`${SRC}/svc/data/config.toml`)).toEqual({ contents: 'a = 1', executable: false })
    expect(f.get(`${SRC}/svc/data/bin/tool`)?.executable).toBe(true)
    expect(text(f, `${SRC}/svc/data/check`)).toBe('#!/bin/sh\ntrue\n')
    expect([...f.keys()].some((p) => p.includes('escape'))).toBe(false)
    expect(text(f, `${SRC}/svc/run`)).toContain('exec sleep infinity')
  })
})

describe('sourceTreeFiles: never leaves the export root', () => {
  const bad = ['..', '.', '.hidden', 'a/b', 'a\\b', 'nul\0', 'line\nbreak', '']
  const g: ServiceGraph = graphOf({
    ok: longrun({
      dependencies: ['../x'],
      env: [
        { name: '../ENV', value: '1' },
        { name: 'A=B', value: '1' },
      ],
    }),
    ...Object.fromEntries(bad.map((n) => [n, longrun()])),
  })

  it('skips unsafe service names and reports each', () => {
    const files = exportFiles(g)
    for (const path of files.keys()) {
      expect(path.split('/')).not.toContain('..')
      expect(path.startsWith('/')).toBe(false)
      expect(path).not.toMatch(/[\0\n\\]/)
    }
    expect(under(files, `${SRC}/`).map((p) => p.split('/')[0])).not.toContain('.hidden')
    const unsafe = exportProblems(g).filter((p) => p.code === 'export-unsafe-name')
    for (const n of bad) expect(unsafe.some((p) => p.service === n)).toBe(true)
    expect(under(files, `${SRC}/ok/dependencies.d/`)).toEqual(['base'])
    expect(under(files, `${SRC}/ok/`).some((p) => p.startsWith('env/'))).toBe(false)
  })

  it('falls back to docker/s6 when repoDir climbs out', () => {
    const g2 = graphOf({ a: longrun() }, { project: { repoDir: '../../etc' } })
    expect([...exportFiles(g2).keys()].every((p) => p.startsWith('docker/s6/'))).toBe(true)
    expect(exportProblems(g2).map((p) => p.code)).toContain('export-unsafe-path')
  })

  it('accepts a repoDir at the root or with a leading dot folder', () => {
    expect(
      exportFiles(graphOf({ a: longrun() }, { project: { repoDir: '.' } })).has('Dockerfile'),
    ).toBe(true)
    expect(
      exportFiles(graphOf({ a: longrun() }, { project: { repoDir: './.docker/s6/' } })).has(
        '.docker/s6/Dockerfile',
      ),
    ).toBe(true)
  })
})

describe('sourceTreeFiles: text', () => {
  it('writes CRLF and CR as LF and reports it', () => {
    const g = graphOf({ a: longrun({ run: { language: 'sh', body: 'echo a\r\nexec b\r' } }) })
    expect(text(exportFiles(g), `${SRC}/a/run`)).toBe(
      '#!/command/with-contenv sh\necho a\nexec b\n',
    )
    expect(exportProblems(g).map((p) => p.code)).toContain('export-crlf')
  })

  it('every file of every example is LF-only; non-empty files end with one LF; markers are empty', () => {
    for (const [name, graph] of Object.entries(exampleGraphs())) {
      for (const [path, file] of exportFiles(graph)) {
        expect(file.contents, `${name}: ${path}`).not.toContain('\r')
        if (/\/(dependencies|contents)\.d\//.test(path)) expect(file.contents, path).toBe('')
        else {
          expect(file.contents.endsWith('\n'), `${name}: ${path}`).toBe(true)
          expect(
            file.contents.endsWith('\n\n') && !path.includes('/env/'),
            `${name}: ${path}`,
          ).toBe(false)
        }
      }
    }
  })

  it('marks exactly run, finish, data/check, oneshot scripts and build.sh executable', () => {
    for (const graph of Object.values(exampleGraphs())) {
      for (const [path, file] of exportFiles(graph)) {
        const shouldBe =
          /\/(run|finish|data\/check)$/.test(path) ||
          path.includes('/etc/s6-overlay/scripts/') ||
          path.endsWith('/build.sh')
        expect(file.executable, path).toBe(shouldBe)
      }
    }
  })
})
