import { describe, expect, it } from 'vitest'
import { PARSE_LIMITS, parseGraph } from '@/lib/graph/parse'
import { validate } from '@/lib/graph/validate'
import type { Longrun } from '@/lib/graph/types'
import { findingsOf, graphOf, longrun, oneshot, shLongrun } from '../../fixtures/graphs'

const withField = (fields: Record<string, unknown>) => graphOf({ web: longrun(fields as never) })

describe('validate: timeouts', () => {
  it.each([
    ['timeoutUp', 'abc', 'not a number'],
    ['timeoutDown', -1, 'negative'],
    ['timeoutKill', 1.5, 'not a whole number'],
    ['timeoutFinish', 2 ** 32, 'above the largest value'],
    ['timeoutUp', Number.NaN, 'not a number'],
  ])('reports %s = %j', (field, value, words) => {
    const found = findingsOf(withField({ [field]: value }), 'timeout-invalid')
    expect(found).toHaveLength(1)
    expect(found[0]!.field).toBe(field)
    expect(found[0]!.message).toContain(words)
  })

  it('accepts 0, the uint32 maximum and absent timeouts', () => {
    const g = withField({ timeoutUp: 0, timeoutDown: 2 ** 32 - 1, timeoutKill: 5000 })
    expect(findingsOf(g, 'timeout-invalid')).toEqual([])
  })

  it('checks oneshot timeouts and ignores longrun-only fields on oneshots', () => {
    const g = graphOf({ prep: oneshot({ timeoutUp: -5, timeoutKill: 'x' } as never) })
    expect(findingsOf(g, 'timeout-invalid').map((d) => d.field)).toEqual(['timeoutUp'])
  })

  it('warns about an invalid estimate', () => {
    expect(findingsOf(withField({ estimatedUpMs: -1 }), 'estimate-invalid')).toHaveLength(1)
    expect(findingsOf(withField({ estimatedUpMs: 1500 }), 'estimate-invalid')).toEqual([])
  })

  it('warns when a start s6-rc waits for is estimated to take longer than its timeout-up', () => {
    const slow = graphOf({ migrate: oneshot({ estimatedUpMs: 5000, timeoutUp: 1000 }) })
    const found = findingsOf(slow, 'estimate-over-timeout')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ service: 'migrate', field: 'timeoutUp', severity: 'warning' })
    expect(found[0]!.message).toContain('5.0 s to start')
    const ready = { readiness: { notificationFd: 3 }, estimatedUpMs: 5000, timeoutUp: 1000 }
    expect(findingsOf(withField(ready), 'estimate-over-timeout')).toHaveLength(1)
    // Not waited for: a longrun without readiness is up once spawned; no limit: no failure.
    expect(
      findingsOf(withField({ estimatedUpMs: 5000, timeoutUp: 1000 }), 'estimate-over-timeout'),
    ).toEqual([])
    const unlimited = graphOf({ migrate: oneshot({ estimatedUpMs: 5000, timeoutUp: 0 }) })
    expect(findingsOf(unlimited, 'estimate-over-timeout')).toEqual([])
    const fits = graphOf({ migrate: oneshot({ estimatedUpMs: 900, timeoutUp: 1000 }) })
    expect(findingsOf(fits, 'estimate-over-timeout')).toEqual([])
  })
})

describe('validate: descriptors and max-death-tally', () => {
  it('reports a notification fd that is not a whole non-negative number', () => {
    const found = findingsOf(withField({ readiness: { notificationFd: -3 } }), 'fd-invalid')
    expect(found[0]).toMatchObject({ field: 'readiness.notificationFd', file: 'notification-fd' })
    expect(findingsOf(withField({ readiness: {} }), 'fd-invalid')[0]!.message).toContain('missing')
    expect(findingsOf(withField({ lockFd: 'x' }), 'fd-invalid')[0]!.field).toBe('lockFd')
  })

  it('warns about descriptors below 3', () => {
    const g = withField({ readiness: { notificationFd: 1 }, lockFd: 2 })
    expect(findingsOf(g, 'fd-low').map((d) => d.field)).toEqual([
      'lockFd',
      'readiness.notificationFd',
    ])
    expect(
      findingsOf(withField({ readiness: { notificationFd: 3 }, lockFd: 4 }), 'fd-low'),
    ).toEqual([])
  })

  it('reports a lock fd equal to the notification fd', () => {
    expect(
      findingsOf(withField({ readiness: { notificationFd: 3 }, lockFd: 3 }), 'fd-conflict'),
    ).toHaveLength(1)
    expect(
      findingsOf(withField({ readiness: { notificationFd: 3 }, lockFd: 4 }), 'fd-conflict'),
    ).toEqual([])
  })

  it('reports max-death-tally above 4096 or not whole', () => {
    expect(findingsOf(withField({ maxDeathTally: 5000 }), 'max-death-tally-invalid')).toHaveLength(
      1,
    )
    expect(findingsOf(withField({ maxDeathTally: 2.5 }), 'max-death-tally-invalid')).toHaveLength(1)
    expect(findingsOf(withField({ maxDeathTally: 4096 }), 'max-death-tally-invalid')).toEqual([])
  })
})

describe('validate: texts too long for a link or a graph file', () => {
  it('reports a script or value over the 100 KB a link may hold, and not one at the limit', () => {
    const long = 'x'.repeat(PARSE_LIMITS.stringChars + 1)
    const g = graphOf(
      {
        web: longrun({
          run: { language: 'sh', body: `exec web ${long}` },
          env: [{ name: 'BIG', value: long }],
        }),
        ok: longrun({ run: { language: 'sh', body: 'x'.repeat(PARSE_LIMITS.stringChars) } }),
      },
      { project: { env: [{ name: 'A', value: long }] } },
    )
    const found = findingsOf(g, 'text-too-long')
    expect(found.map((d) => [d.service, d.field])).toEqual([
      [undefined, 'project.env.0.value'],
      ['web', 'env.0.value'],
      ['web', 'run.body'],
    ])
    // A warning: s6 has no such limit, the tree exports and runs; the round trip does not.
    expect(found.every((d) => d.severity === 'warning' && /100 KB/.test(d.message))).toBe(true)
    // What validation passes, a link carries: the limit is the one parseGraph applies.
    expect(parseGraph(graphOf({ ok: g.services.ok! })).ok).toBe(true)
  })
})

describe('validate: carriage returns', () => {
  it('reports a CR in scripts, env values, process, readiness check and description', () => {
    const g = graphOf({
      web: longrun({
        run: { language: 'sh', body: 'exec web\r\n' },
        env: [{ name: 'PORT', value: '3000\r' }],
        process: 'web\r',
        readiness: { notificationFd: 3, check: 'curl\r' },
        description: 'The web\r\n',
      }),
    })
    const found = findingsOf(g, 'carriage-return')
    expect(found.map((d) => [d.field, d.file])).toEqual([
      ['description', undefined],
      ['env.0.value', 'env'],
      ['process', undefined],
      ['readiness.check', 'data/check'],
      ['run.body', 'run'],
    ])
    expect(found.every((d) => d.severity === 'error')).toBe(true)
  })

  it('reports a CR in project settings', () => {
    const g = graphOf({ web: longrun() }, { project: { env: [{ name: 'A', value: 'x\r' }] } })
    expect(findingsOf(g, 'carriage-return').map((d) => d.field)).toEqual(['project.env.0.value'])
    expect(findingsOf(graphOf({ web: longrun() }), 'carriage-return')).toEqual([])
  })
})

describe('validate: environment variables', () => {
  it.each([
    ['', 'empty name'],
    ['A=B', '"="'],
    ['a/b', '"/"'],
    ['.x', 'dot'],
  ])('reports the variable name %j', (name, words) => {
    const found = findingsOf(withField({ env: [{ name, value: '1' }] }), 'env-name-invalid')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain(words)
    expect(found[0]!.field).toBe('env.0.name')
  })

  it('warns about names a shell cannot read', () => {
    expect(
      findingsOf(withField({ env: [{ name: '1ST', value: '' }] }), 'env-name-unusual'),
    ).toHaveLength(1)
    expect(
      findingsOf(withField({ env: [{ name: 'my-var', value: '' }] }), 'env-name-unusual'),
    ).toHaveLength(1)
    expect(
      findingsOf(withField({ env: [{ name: '_OK_1', value: '' }] }), 'env-name-unusual'),
    ).toEqual([])
  })

  it('reports a variable defined twice in one scope only', () => {
    const g = graphOf(
      {
        web: longrun({
          env: [
            { name: 'PORT', value: '1' },
            { name: 'PORT', value: '2' },
          ],
        }),
      },
      { project: { env: [{ name: 'PORT', value: '3' }] } },
    )
    const found = findingsOf(g, 'env-duplicate')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ service: 'web', field: 'env.1.name' })
    const project = graphOf(
      { web: longrun() },
      {
        project: {
          env: [
            { name: 'A', value: '' },
            { name: 'A', value: '' },
          ],
        },
      },
    )
    expect(findingsOf(project, 'env-duplicate')[0]!.field).toBe('project.env.1.name')
  })

  it('warns about multi-line values and secrets with a value', () => {
    const g = withField({
      env: [
        { name: 'CERT', value: 'a\nb' },
        { name: 'TOKEN', value: 'hunter2', secret: true },
        { name: 'EMPTY', value: '', secret: true },
      ],
    })
    expect(findingsOf(g, 'env-value-newline').map((d) => d.field)).toEqual(['env.0.value'])
    expect(findingsOf(g, 'secret-value').map((d) => d.field)).toEqual(['env.1.value'])
    // What the export really does with it: leaves it out.
    expect(findingsOf(g, 'secret-value')[0]!.message).toMatch(/export and share links leave it out/)
  })
})

describe('validate: other fields', () => {
  it('warns about an unknown down signal', () => {
    expect(findingsOf(withField({ downSignal: 'SIGFOO' }), 'down-signal-unknown')).toHaveLength(1)
    for (const ok of ['SIGTERM', 'term', 'QUIT', '15', 'sigusr1']) {
      expect(findingsOf(withField({ downSignal: ok }), 'down-signal-unknown')).toEqual([])
    }
  })

  it('warns about the essential flag', () => {
    const found = findingsOf(withField({ essential: true }), 'essential')
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'flag-essential' })
    expect(findingsOf(withField({ essential: false }), 'essential')).toEqual([])
  })
})

describe('validate: scripts', () => {
  it('reports an empty run script as an error and an empty up script as a warning', () => {
    expect(findingsOf(graphOf({ web: shLongrun('  \n') }), 'empty-run')[0]!.severity).toBe('error')
    const up = findingsOf(
      graphOf({ noop: oneshot({ up: { language: 'sh', body: '' } }) }),
      'empty-up',
    )
    expect(up[0]!.severity).toBe('warning')
    expect(findingsOf(graphOf({ web: shLongrun('exec web') }), 'empty-run')).toEqual([])
  })

  it('accepts an empty up script on a oneshot that only acts at stop', () => {
    const atStop = oneshot({
      up: { language: 'sh', body: '' },
      down: { language: 'sh', body: 'echo bye' },
    })
    expect(findingsOf(graphOf({ farewell: atStop }), 'empty-up')).toEqual([])
  })

  it('reports a missing script', () => {
    const g = graphOf({ web: longrun() })
    delete (g.services.web as unknown as Record<string, unknown>).run
    expect(findingsOf(g, 'missing-script')[0]).toMatchObject({
      service: 'web',
      field: 'run',
      file: 'run',
    })
  })

  it("reports a oneshot's down script and another's up script at one path, as the export refuses it", () => {
    const g = graphOf({
      migrate: oneshot({ down: { language: 'sh', body: 'echo undo' } }),
      'migrate-down': oneshot(),
    })
    const found = findingsOf(g, 'export-script-collision')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ service: 'migrate', field: 'down', severity: 'error' })
    expect(found[0]!.message).toContain('/etc/s6-overlay/scripts/migrate-down')
    // Without the down script, or with a down that only calls the image's script, no clash.
    expect(
      findingsOf(
        graphOf({ migrate: oneshot(), 'migrate-down': oneshot() }),
        'export-script-collision',
      ),
    ).toEqual([])
    const call = graphOf({
      migrate: oneshot({ down: { language: 'execline', body: '/etc/s6-overlay/scripts/undo' } }),
      'migrate-down': oneshot(),
    })
    expect(findingsOf(call, 'export-script-collision')).toEqual([])
  })

  it('reports unbalanced execline braces', () => {
    const bad = graphOf({
      web: longrun({ run: { language: 'execline', body: 'foreground { echo hi\nweb' } }),
    })
    expect(findingsOf(bad, 'execline-unbalanced')).toHaveLength(1)
    const ok = graphOf({
      web: longrun({ run: { language: 'execline', body: 'foreground { echo "}" }\nweb' } }),
    })
    expect(findingsOf(ok, 'execline-unbalanced')).toEqual([])
  })

  it('warns about a script written in the other language than its setting', () => {
    const execline = (body: string) => longrun({ run: { language: 'execline', body } })
    const shUp = (body: string) => oneshot({ up: { language: 'sh', body } })
    const cases: [ReturnType<typeof longrun>, string][] = [
      [execline('#!/bin/sh\nexec web'), '#!/bin/sh'],
      [execline('mkdir -p /run/web && exec web'), '&&'],
      [execline('test -f /etc/web.conf || exit 1\nweb'), '||'],
      [execline('exec web --id $(hostname)'), '$('],
      [execline('if test -f x\nthen\n  web\nfi'), 'then'],
      [
        longrun({
          run: { language: 'sh', body: 'foreground {\n  mkdir -p /run/web\n}\nexec web' },
        }),
        'foreground {',
      ],
      [longrun({ run: { language: 'sh', body: 'importas -i PORT PORT\nexec web' } }), 'importas'],
      [shUp('if { test -f /data/ready }\necho ok') as never, 'if {'],
      [execline('set -e\ncd /var/www/app\nphp artisan migrate --force'), 'set -e'],
      [execline('source /etc/profile\nweb'), 'source'],
      [execline('PORT=8080\nexec web'), 'PORT=8080'],
      [execline('foreground { echo hi }\nset -eu\nweb'), 'set -e'],
      [longrun({ run: { language: 'sh', body: '#!/bin/bash\nexec web' } }), '#!/bin/bash'],
      [shUp('#!/usr/bin/env python3\nprint("hi")') as never, '#!/usr/bin/env python3'],
    ]
    for (const [service, shown] of cases) {
      const found = findingsOf(graphOf({ web: service }), 'script-language-mismatch')
      expect(found, shown).toHaveLength(1)
      expect(found[0]!.severity).toBe('warning')
      expect(found[0]!.message).toContain(JSON.stringify(shown))
      expect(found[0]!.field).toMatch(/^(run|up)\.language$/)
    }
    // The usual scripts of both languages, and sh words inside quotes or comments.
    for (const ok of [
      execline('s6-envuidgid web\nfdmove -c 2 1\nexec web'),
      execline('foreground { mkdir -p /run/web }\nif { test -d /run/web }\nweb'),
      execline('# start it; then wait && done\nbacktick -E HOST { hostname }\nweb --echo "a && b"'),
      shLongrun('if [ -f /etc/web.conf ]; then\n  exec web\nfi\nexec web --defaults'),
      shLongrun('set -e\n{ echo start; date; } >&2\nexec web'),
      shLongrun('# foreground { x }\necho "importas -i A A"\nexec web'),
      shLongrun('#!/bin/sh\nexec web'),
      shLongrun('#!/command/with-contenv sh\nexec web'),
      shLongrun('#!/usr/bin/env sh\nexec web'),
      execline('s6-env FOO=bar\nexport BAZ qux\ncd /app\nweb'),
    ]) {
      expect(findingsOf(graphOf({ web: ok }), 'script-language-mismatch')).toEqual([])
    }
  })

  it('warns about a script written for s6-overlay v2 (its halt, scan directory and tool paths)', () => {
    const finish = (body: string) =>
      longrun({ run: { language: 'sh', body: 'exec web' }, finish: { language: 'sh', body } })
    for (const [body, words] of [
      ['s6-svscanctl -t /var/run/s6/services', '/run/s6/basedir/bin/halt'],
      ['s6-svc -d /var/run/s6/services/web', 'moved to /run/service'],
      ['/usr/bin/s6-svc -d /run/service/web', 'symlink tarballs'],
    ] as const) {
      const found = findingsOf(graphOf({ web: finish(body) }), 'script-v2-command')
      expect(found, body).toHaveLength(1)
      expect(found[0]).toMatchObject({ severity: 'warning', field: 'finish.body', file: 'finish' })
      expect(found[0]!.message).toContain(words)
    }
    for (const ok of [
      '/run/s6/basedir/bin/halt',
      'echo "$1" > /run/s6-linux-init-container-results/exitcode',
      's6-svc -d /run/service/web',
    ])
      expect(findingsOf(graphOf({ web: finish(ok) }), 'script-v2-command'), ok).toEqual([])
  })

  it('warns about a run script that backgrounds a command', () => {
    expect(
      findingsOf(graphOf({ web: shLongrun('helper &\nexec web') }), 'run-backgrounds'),
    ).toHaveLength(1)
    for (const ok of [
      'exec web 2>&1',
      'test -f x && exec web',
      'echo "a & b"\nexec web',
      'exec web >&2',
    ]) {
      expect(findingsOf(graphOf({ web: shLongrun(ok) }), 'run-backgrounds')).toEqual([])
    }
  })

  it('warns about a run script that does not exec its command', () => {
    expect(
      findingsOf(graphOf({ web: shLongrun('cd /app\nnode server.js') }), 'run-no-exec'),
    ).toHaveLength(1)
    expect(findingsOf(graphOf({ web: shLongrun('exec 2>&1') }), 'run-no-exec')).toHaveLength(1)
    const ok = [
      'cd /app\nexec node server.js',
      'exec \\\n  node server.js',
      'case "$X" in\n  a) exec a ;;\n  *) exec b ;;\nesac',
      'if [ -f x ]; then\n  exec a\nelse\n  exec b\nfi',
      '[ -n "$X" ] && exec a\n# done',
    ]
    for (const body of ok)
      expect(findingsOf(graphOf({ web: shLongrun(body) }), 'run-no-exec')).toEqual([])
    const execline = graphOf({
      web: longrun({ run: { language: 'execline', body: 'nginx -g "daemon off;"' } }),
    })
    expect(validate(execline).filter((d) => d.code.startsWith('run-'))).toEqual([])
  })

  it('reads variables as sh does: defaults, quotes, comments and here-documents', () => {
    const project = {
      env: [
        { name: 'PORT', value: '80' },
        { name: 'DB_HOST', value: 'db' },
        { name: 'PATH', value: '/usr/bin' },
      ],
    }
    const missed = (run: string, p: object = project) =>
      findingsOf(
        graphOf(
          { web: longrun({ run: { language: 'sh', body: run }, withContenv: false }) },
          { project: p },
        ),
        'env-without-contenv',
      ).map((d) => d.message.match(/reads \$(\w+)/)?.[1])
    // The default idiom reads the container's value first.
    expect(missed('PORT="${PORT:-8080}"\nexec app --port "$PORT"')).toEqual(['PORT'])
    expect(missed('[ -n "$PORT" ] || PORT=8080\nexec app --port "$PORT"')).toEqual(['PORT'])
    // Single quotes inside double quotes do not hide what the double quotes expand.
    expect(
      missed(`sed -i "s|'db_host' => '.*'|'db_host' => '$DB_HOST'|" /app/config.php\nexec app`),
    ).toEqual(['DB_HOST'])
    // Text that looks like an assignment sets nothing.
    expect(missed('echo "PORT=$PORT"\nexec app')).toEqual(['PORT'])
    expect(missed('cat > /app/env <<EOF\nport=$PORT\nEOF\nexec app')).toEqual(['PORT'])
    for (const ok of [
      '# reads nothing from $PORT anymore\nexec app',
      "cat > /app/run.sh <<'EOF'\necho $PORT\nEOF\nexec app",
      'echo "in $PATH"\nexec app',
      'PORT=8080\nexec app --port "$PORT"',
      'for DB_HOST in db1 db2; do ping -c1 "$DB_HOST" && break; done\nexec app',
      'echo \\$PORT\nexec app',
    ])
      expect(missed(ok), ok).toEqual([])
    // S6_KEEP_ENV=1 given as a container variable keeps the environment too.
    expect(
      missed('exec app "$PORT"', { env: [...project.env, { name: 'S6_KEEP_ENV', value: '1' }] }),
    ).toEqual([])
  })

  it('warns about a container variable read by a script run without with-contenv', () => {
    const project = {
      env: [
        { name: 'APP_ENV', value: 'production' },
        { name: 'PORT', value: '80' },
      ],
    }
    const bare = (run: string, extra: Partial<Longrun> = {}) =>
      graphOf(
        { web: longrun({ run: { language: 'sh', body: run }, withContenv: false, ...extra }) },
        { project },
      )
    expect(
      findingsOf(bare('exec app --env "${APP_ENV:-dev}" --port $PORT'), 'env-without-contenv'),
    ).toEqual([
      expect.objectContaining({
        service: 'web',
        field: 'withContenv',
        file: 'run',
        severity: 'warning',
        message:
          "web's run script reads $APP_ENV, a container variable, but runs without with-contenv: it starts with a minimal environment, where APP_ENV is not set.",
        fix: 'Turn on "Run with with-contenv" for web, or give web its own APP_ENV.',
      }),
    ])
    for (const [why, graph] of [
      ['with-contenv on', graphOf({ web: shLongrun('exec app "$APP_ENV"') }, { project })],
      ['single-quoted', bare("exec sh -c 'echo $APP_ENV'")],
      ['set in the script', bare('APP_ENV=dev\nexport PORT=1\nexec app "$APP_ENV" "$PORT"')],
      ['not a container variable', bare('exec app "$HOME"')],
      [
        "the longrun's own variable (its run script gets env/ either way)",
        bare('exec app "$APP_ENV" "$PORT"', {
          env: [
            { name: 'APP_ENV', value: 'dev' },
            { name: 'PORT', value: '8080' },
          ],
        }),
      ],
      [
        'S6_KEEP_ENV=1 keeps everything',
        graphOf(
          {
            web: longrun({
              run: { language: 'sh', body: 'exec app "$APP_ENV"' },
              withContenv: false,
            }),
          },
          { project: { ...project, s6Env: { S6_KEEP_ENV: '1' } } },
        ),
      ],
    ] as const)
      expect(findingsOf(graph, 'env-without-contenv'), why).toEqual([])
    // A finish script and a oneshot get no env/ folder: their own variables do not count.
    const finish = bare('exec app', {
      env: [{ name: 'PORT', value: '8080' }],
      finish: { language: 'sh', body: 'echo "stopped on $PORT"' },
    })
    expect(findingsOf(finish, 'env-without-contenv')).toEqual([
      expect.objectContaining({
        file: 'finish',
        message: expect.stringMatching(
          /\$PORT.*\(the service's own PORT reaches only its run script\)\.$/,
        ),
        fix: 'Turn on "Run with with-contenv" for web.',
      }),
    ])
    const up = graphOf(
      { prep: oneshot({ up: { language: 'sh', body: 'echo "$APP_ENV"' }, withContenv: false }) },
      { project },
    )
    expect(findingsOf(up, 'env-without-contenv')).toEqual([
      expect.objectContaining({ service: 'prep', file: 'up' }),
    ])
  })

  it('warns about a cd whose failure nothing catches, in any sh or bash script', () => {
    const found = findingsOf(
      graphOf({ web: shLongrun('cd /app\nexec node server.js') }),
      'cd-unchecked',
    )
    expect(found).toEqual([
      expect.objectContaining({
        service: 'web',
        field: 'run.body',
        file: 'run',
        severity: 'warning',
        message:
          "web's run script carries on if cd /app fails (a folder missing or not mounted) and runs the rest in whatever folder it started in.",
        fix: 'Write cd /app || exit 1.',
      }),
    ])
    // The fix names the script's own folder; the message quotes only the cd.
    const up = graphOf({ prep: oneshot({ up: { language: 'bash', body: 'cd "$DIR"; make' } }) })
    expect(findingsOf(up, 'cd-unchecked')).toEqual([
      expect.objectContaining({
        field: 'up.body',
        message: expect.stringContaining('carries on if cd "$DIR" fails'),
        fix: 'Write cd "$DIR" || exit 1.',
      }),
    ])
    for (const bad of [
      // && guards only its own line.
      'cd /app && bundle exec rake db:migrate\nexec bundle exec puma',
      'cd /app || true\nexec a',
      'cd /app || echo "cannot cd"\nexec a',
      'set -e\nset +e\ncd /app\nexec a',
    ])
      expect(findingsOf(graphOf({ web: shLongrun(bad) }), 'cd-unchecked'), bad).toHaveLength(1)
    for (const ok of [
      'cd /app && bundle install\n',
      'cd /app || { echo "no /app" >&2; exit 1; }\nexec a',
      'cd /opt/app ||\n  exit 1\nexec app',
      'set -x -e\ncd /app\nexec a',
      'set -o nounset -o errexit\ncd /app\nexec a',
      'cd -\nexec a',
      'cat > /etc/backup.sh <<EOF\ncd /backup\ntar c .\nEOF\nexec a',
      'cd /app || exit 1\nexec node server.js',
      'cd /app && exec node server.js',
      'set -e\ncd /app\nexec node server.js',
      'set -eu\ncd /app\nexec node server.js',
      'set -o errexit\ncd /app\nexec node server.js',
      'if cd /app; then exec a; fi\nexec b',
      'echo "cd /app"\nexec node server.js',
      '# cd /app\nexec node server.js',
      'exec node server.js --cd /app',
    ])
      expect(findingsOf(graphOf({ web: shLongrun(ok) }), 'cd-unchecked'), ok).toEqual([])
    // set -e only counts before the cd.
    expect(
      findingsOf(graphOf({ web: shLongrun('cd /app\nset -e\nexec a') }), 'cd-unchecked'),
    ).toHaveLength(1)
    const execline = graphOf({
      web: longrun({ run: { language: 'execline', body: 'cd /app\nnginx -g "daemon off;"' } }),
    })
    expect(findingsOf(execline, 'cd-unchecked')).toEqual([])
  })
})
