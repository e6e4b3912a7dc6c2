import { describe, expect, it } from 'vitest'
import { readTree } from '@/lib/graph/read-tree'
import { textTree } from '@/lib/graph/tree-input'
import type { Longrun, Oneshot } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'

/** A minimal valid s6-rc.d with extra files; `user` lists `members`. */
function source(
  files: Record<string, string | Uint8Array>,
  members: string[] = [],
  emptyDirs: string[] = [],
) {
  const user: Record<string, string> = { 'user/type': 'bundle\n', 'user/contents.d/.empty': '' }
  for (const m of members) user[`user/contents.d/${m}`] = ''
  return textTree({ ...user, ...files }, emptyDirs)
}

const LONGRUN = { 'web/type': 'longrun\n', 'web/run': '#!/bin/sh\nexec web\n' }

function codes(files: Record<string, string | Uint8Array>, emptyDirs: string[] = []) {
  return readTree(source(files, [], emptyDirs)).diagnostics.map((d) => `${d.severity}:${d.code}`)
}

describe('readTree: type files', () => {
  it('reads a type without a final newline', () => {
    const r = readTree(source({ 'web/type': 'longrun', 'web/run': '#!/bin/sh\nexec web\n' }))
    expect(r.diagnostics).toEqual([])
    expect(r.graph.services.web?.type).toBe('longrun')
  })

  it.each([
    ['CRLF', 'longrun\r\n'],
    ['capitalised', 'Longrun\n'],
    ['empty', ''],
    ['unknown', 'daemon\n'],
    ['two newlines', 'bundle\n\n'],
    ['leading space', ' oneshot\n'],
  ])('refuses a %s type like s6-rc-compile', (_, type) => {
    const r = readTree(
      source({ 'x/type': type, 'x/run': '#!/bin/sh\nexec x\n', 'x/contents.d/.empty': '' }),
    )
    const d = r.diagnostics.find((x) => x.code === 'type-invalid')
    expect(d).toMatchObject({ severity: 'error', service: 'x', file: 'type' })
    expect(d?.message).toContain('x/type')
    expect(d?.fix).toMatch(/oneshot, longrun or bundle/)
  })

  it('keeps a service whose broken type is obvious, so the design survives', () => {
    const r = readTree(source({ 'web/type': 'longrun\r\n', 'web/run': '#!/bin/sh\nexec web\n' }))
    expect(r.graph.services.web?.type).toBe('longrun')
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'web/type', action: 'converted' }),
    )
  })

  it('reports a missing type as an error and guesses from run', () => {
    const r = readTree(source({ 'web/run': '#!/bin/sh\nexec web\n' }))
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'type-missing', severity: 'error', service: 'web' }),
    )
    expect(r.graph.services.web?.type).toBe('longrun')
  })

  it('refuses a helper folder inside the source and says where scripts go', () => {
    const r = readTree(source({ ...LONGRUN, 'scripts/setup': '#!/bin/sh\ntrue\n' }))
    const d = r.diagnostics.find((x) => x.code === 'not-a-service')
    expect(d).toMatchObject({ severity: 'error', service: 'scripts' })
    expect(d?.fix).toContain('/etc/s6-overlay/scripts/')
    expect(r.graph.services.scripts).toBeUndefined()
  })

  it('skips dot-named folders and plain files at the top', () => {
    const r = readTree(source({ ...LONGRUN, '.git/config': 'x', README: 'hi' }))
    expect(r.diagnostics).toEqual([])
    expect(Object.keys(r.graph.services).sort()).toEqual(['user', 'web'])
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'README', action: 'ignored' }),
    )
  })
})

describe('readTree: dependencies and contents', () => {
  it('reads dependencies.d and skips dot-names', () => {
    const r = readTree(
      source({
        ...LONGRUN,
        'web/dependencies.d/db': '',
        'web/dependencies.d/.keep': '',
        'db/type': 'longrun',
        'db/run': '#!/bin/sh\nexec db\n',
      }),
    )
    expect((r.graph.services.web as Longrun).dependencies).toEqual(['db'])
  })

  it('converts a flat dependencies file: comments and leading blanks dropped, trailing kept', () => {
    const r = readTree(source({ ...LONGRUN, 'web/dependencies': '# needs\n  db\ncache \n\ndb\n' }))
    expect((r.graph.services.web as Longrun).dependencies).toEqual(['db', 'cache '])
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'web/dependencies', action: 'converted' }),
    )
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'name-trailing-blank', severity: 'warning' }),
    )
  })

  it('prefers dependencies.d over the flat file, as s6-rc-compile does', () => {
    const r = readTree(
      source({ ...LONGRUN, 'web/dependencies.d/a': '', 'web/dependencies': 'b\n' }),
    )
    expect((r.graph.services.web as Longrun).dependencies).toEqual(['a'])
  })

  it('reads a bundle from a flat contents file', () => {
    const r = readTree(source({ 'b/type': 'bundle\n', 'b/contents': 'x\ny\n' }))
    expect(r.graph.services.b).toEqual({ type: 'bundle', contents: ['x', 'y'] })
  })

  it('accepts an empty contents.d but refuses a bundle without one', () => {
    expect(codes({ 'b/type': 'bundle\n' }, ['b/contents.d'])).toEqual([])
    expect(codes({ 'b/type': 'bundle\n' })).toEqual(['error:bundle-contents-missing'])
  })
})

describe('readTree: numbers', () => {
  it('reads timeouts with trailing newlines', () => {
    const r = readTree(
      source({ ...LONGRUN, 'web/timeout-up': '5000\n\n', 'web/timeout-down': '0' }),
    )
    expect(r.graph.services.web).toMatchObject({ timeoutUp: 5000, timeoutDown: 0 })
  })

  it.each(['5s\n', '5000\r\n', ' 5000\n', '4294967296\n', '\n'])(
    'refuses timeout-up %j',
    (value) => {
      expect(codes({ ...LONGRUN, 'web/timeout-up': value })).toEqual(['error:timeout-invalid'])
    },
  )

  it('keeps what a timeout with a unit meant, as a repair the report lists', () => {
    for (const [text, ms] of [
      ['5s\n', 5000],
      ['1.5 m\n', 90_000],
      ['500ms\r\n', 500],
    ] as const) {
      const r = readTree(source({ ...LONGRUN, 'web/timeout-up': text }))
      expect(r.graph.services.web, text).toMatchObject({ timeoutUp: ms })
      expect(r.diagnostics.map((d) => d.code)).toEqual(['timeout-invalid'])
      expect(r.report.entries.find((e) => e.path === 'web/timeout-up')).toMatchObject({
        action: 'converted',
        note: expect.stringMatching(new RegExp(`read as ${ms} ms$`)),
      })
    }
    const plain = readTree(source({ ...LONGRUN, 'web/timeout-up': 'soon\n' }))
    expect(plain.graph.services.web).not.toHaveProperty('timeoutUp')
  })

  it('lists a missing type file it read as a guessed type among the repairs', () => {
    const r = readTree(source({ 'web/run': '#!/bin/sh\nexec web\n' }))
    expect(r.graph.services.web?.type).toBe('longrun')
    expect(r.report.entries.find((e) => e.path === 'web/type')).toMatchObject({
      action: 'converted',
      note: 'absent; read as longrun',
    })
  })

  it('reads fds, tally and down-signal of a longrun', () => {
    const r = readTree(
      source({
        ...LONGRUN,
        'web/notification-fd': '3\n',
        'web/lock-fd': '4',
        'web/max-death-tally': '10\n',
        'web/down-signal': 'SIGQUIT\n',
        'web/timeout-kill': '2000\n',
        'web/timeout-finish': '100\n',
      }),
    )
    expect(r.diagnostics).toEqual([])
    expect(r.graph.services.web).toMatchObject({
      readiness: { notificationFd: 3 },
      lockFd: 4,
      maxDeathTally: 10,
      downSignal: 'SIGQUIT',
      timeoutKill: 2000,
      timeoutFinish: 100,
    })
  })

  it('refuses a CRLF notification-fd', () => {
    expect(codes({ ...LONGRUN, 'web/notification-fd': '3\r\n' })).toEqual(['error:fd-invalid'])
  })
})

describe('readTree: oneshot up and down', () => {
  const rootfs = (files: Record<string, string>) =>
    textTree({
      'etc/s6-overlay/s6-rc.d/user/type': 'bundle\n',
      'etc/s6-overlay/s6-rc.d/user/contents.d/init': '',
      'etc/s6-overlay/s6-rc.d/init/type': 'oneshot\n',
      ...files,
    })

  it('reads the script an up line calls, with its shebang', () => {
    const r = readTree(
      rootfs({
        'etc/s6-overlay/s6-rc.d/init/up': '/etc/s6-overlay/scripts/init\n',
        'etc/s6-overlay/s6-rc.d/init/down': 'with-contenv /etc/s6-overlay/scripts/init-down\n',
        'etc/s6-overlay/scripts/init': '#!/command/with-contenv sh\nmkdir -p /data\n',
        'etc/s6-overlay/scripts/init-down': '#!/bin/sh\nrm -rf /data/tmp\n',
      }),
    )
    const init = r.graph.services.init as Oneshot
    expect(init.up).toEqual({ language: 'sh', body: 'mkdir -p /data' })
    expect(init.down).toEqual({ language: 'sh', body: 'rm -rf /data/tmp' })
    expect(init.withContenv).toBe(true)
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'etc/s6-overlay/scripts/init', action: 'converted' }),
    )
  })

  it('takes with-contenv from the up line and execline from the shebang', () => {
    const r = readTree(
      rootfs({
        'etc/s6-overlay/s6-rc.d/init/up': '# comment\nwith-contenv /etc/s6-overlay/scripts/init\n',
        'etc/s6-overlay/scripts/init': '#!/command/execlineb -P\nforeground { echo hi }\n',
      }),
    )
    const init = r.graph.services.init as Oneshot
    expect(init.up).toEqual({ language: 'execline', body: 'foreground { echo hi }' })
    expect(init.withContenv).toBe(true)
  })

  it("keeps a python script's #! line, so validation goes on flagging it; a bash one is bash", () => {
    const r = readTree(
      rootfs({
        'etc/s6-overlay/s6-rc.d/init/up': '/etc/s6-overlay/scripts/init\n',
        'etc/s6-overlay/s6-rc.d/init/down': '/etc/s6-overlay/scripts/init-down\n',
        'etc/s6-overlay/scripts/init': '#!/usr/bin/env python3\nprint("hi")\n',
        'etc/s6-overlay/scripts/init-down': '#!/bin/bash\nrm -rf /data/tmp\n',
      }),
    )
    const init = r.graph.services.init as Oneshot
    expect(init.up).toEqual({ language: 'sh', body: '#!/usr/bin/env python3\nprint("hi")' })
    expect(init.down).toEqual({ language: 'bash', body: 'rm -rf /data/tmp' })
    expect(r.diagnostics.filter((d) => d.code === 'script-interpreter')).toHaveLength(1)
    const mismatch = validate(r.graph).filter((d) => d.code === 'script-language-mismatch')
    expect(mismatch.map((d) => d.field)).toEqual(['up.language'])
  })

  it('keeps an up line that is not a script call as an execline body', () => {
    const r = readTree(
      rootfs({ 'etc/s6-overlay/s6-rc.d/init/up': 'foreground { mkdir -p /run/app } true\n' }),
    )
    expect((r.graph.services.init as Oneshot).up).toEqual({
      language: 'execline',
      body: 'foreground { mkdir -p /run/app } true',
    })
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'etc/s6-overlay/s6-rc.d/init/up', action: 'kept' }),
    )
  })

  it('warns when the called script is missing from an image root', () => {
    const r = readTree(
      rootfs({ 'etc/s6-overlay/s6-rc.d/init/up': '/etc/s6-overlay/scripts/init\n' }),
    )
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'up-script-missing', severity: 'warning', service: 'init' }),
    )
  })

  it('refuses unmatched braces and a missing up', () => {
    expect(codes({ 'o/type': 'oneshot\n', 'o/up': 'foreground { echo\n' })).toEqual([
      'error:execline-unbalanced',
    ])
    expect(codes({ 'o/type': 'oneshot\n' })).toEqual(['error:oneshot-up-missing'])
  })
})

describe('readTree: longrun scripts, env and data', () => {
  it('reads language and with-contenv from the shebang', () => {
    const run = (text: string) => {
      const s = readTree(source({ 'web/type': 'longrun\n', 'web/run': text })).graph.services
        .web as Longrun
      return [s.run.language, s.withContenv, s.run.body]
    }
    expect(run('#!/command/with-contenv sh\nexec web\n')).toEqual(['sh', true, 'exec web'])
    expect(run('#!/bin/sh\nexec web\n')).toEqual(['sh', false, 'exec web'])
    expect(run('#!/command/execlineb -P\nwith-contenv\nweb\n')).toEqual(['execline', true, 'web'])
    expect(run('#!/command/execlineb -P\nweb\n')).toEqual(['execline', false, 'web'])
  })

  it('drops the lines the exporter marks', () => {
    const r = readTree(
      source({
        'web/type': 'longrun\n',
        'web/run': '#!/command/with-contenv sh\nexec 2>&1 # s6-designer\ncd /app\nexec web\n',
      }),
    )
    expect((r.graph.services.web as Longrun).run.body).toBe('cd /app\nexec web')
  })

  it('refuses a missing run and warns about a run without shebang or with CRLF', () => {
    expect(codes({ 'web/type': 'longrun\n' })).toEqual(['error:longrun-run-missing'])
    expect(codes({ 'web/type': 'longrun\n', 'web/run': 'exec web\n' })).toEqual([
      'warning:script-no-shebang',
    ])
    const crlf = readTree(
      source({ 'web/type': 'longrun\n', 'web/run': '#!/bin/sh\r\nexec web\r\n' }),
    )
    expect(crlf.diagnostics.map((d) => d.code)).toEqual(['carriage-return'])
    expect((crlf.graph.services.web as Longrun).run.body).toBe('exec web')
  })

  it('reads env/ like s6-envdir: first line, empty file unsets', () => {
    const r = readTree(
      source({
        ...LONGRUN,
        'web/env/PORT': '3000\n',
        'web/env/MULTI': 'a  \nb\n',
        'web/env/GONE': '',
      }),
    )
    expect((r.graph.services.web as Longrun).env).toEqual([
      { name: 'MULTI', value: 'a' },
      { name: 'PORT', value: '3000' },
    ])
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'env-unset', severity: 'info', file: 'env/GONE' }),
    )
  })

  it.each(['-Lf', '-f'])(
    'reads env/ whole when run uses s6-envdir %s, as the export does',
    (flags) => {
      const r = readTree(
        source({
          'web/type': 'longrun\n',
          'web/run': `#!/command/execlineb -P\ns6-envdir ${flags} ./env # s6-designer\nweb\n`,
          'web/env/MSG': 'two\nlines \n',
        }),
      )
      expect((r.graph.services.web as Longrun).env).toEqual([{ name: 'MSG', value: 'two\nlines ' }])
    },
  )

  it('says when env/ was inert (the run script does not call s6-envdir) and the export will load it', () => {
    const envNote = (run: string) =>
      readTree(
        source({ 'web/type': 'longrun\n', 'web/run': run, 'web/env/PORT': '3000\n' }),
      ).report.entries.find((e) => e.path === 'web/env')
    expect(envNote('#!/bin/sh\nexec web\n')).toMatchObject({
      action: 'converted',
      note: expect.stringContaining('does not read env/'),
    })
    expect(envNote('#!/bin/sh\nexec s6-envdir ./env web\n')).toMatchObject({
      action: 'read',
      note: '1 variable',
    })
  })

  it('reads only the first line with s6-envdir -L, which only lifts the length limit', () => {
    const r = readTree(
      source({
        'web/type': 'longrun\n',
        'web/run': '#!/command/execlineb -P\ns6-envdir -L ./env\nweb\n',
        'web/env/MSG': 'two\nlines \n',
      }),
    )
    expect((r.graph.services.web as Longrun).env).toEqual([{ name: 'MSG', value: 'two' }])
  })

  it('refuses a data that is not a folder, as s6-rc-compile does (and as for env)', () => {
    for (const entry of ['data', 'env']) {
      const r = readTree(source({ ...LONGRUN, [`web/${entry}`]: 'x\n' }))
      expect(r.diagnostics, entry).toContainEqual(
        expect.objectContaining({ code: 'not-a-directory', severity: 'error', file: entry }),
      )
    }
  })

  it('keeps data/ files verbatim with their exec bit', () => {
    const tree = source({
      ...LONGRUN,
      'web/data/config': 'a=1\n',
      'web/data/bin/hook': '#!/bin/sh\n',
    })
    tree.executables = ['web/data/bin/hook']
    const s = readTree(tree).graph.services.web as Longrun
    expect(s.extraFiles).toEqual([
      { path: 'data/bin/hook', contents: '#!/bin/sh\n', executable: true },
      { path: 'data/config', contents: 'a=1\n' },
    ])
  })

  it('says which links under data/ it did not follow, rather than dropping them unseen', () => {
    const tree = source({ ...LONGRUN, 'web/data/real.conf': 'a=1\n' })
    tree.symlinks = ['web/data/outside.conf']
    const r = readTree(tree)
    expect((r.graph.services.web as Longrun).extraFiles).toEqual([
      { path: 'data/real.conf', contents: 'a=1\n' },
    ])
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'symlink-not-followed',
        service: 'web',
        file: 'web/data/outside.conf',
      }),
    )
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'web/data/outside.conf', action: 'ignored' }),
    )
  })

  it('turns data/check into the readiness check when run uses s6-notifyoncheck', () => {
    const r = readTree(
      source({
        'web/type': 'longrun\n',
        'web/run':
          '#!/bin/sh\nif [ -z "${X:-}" ]; then exec env X=1 s6-notifyoncheck -d -n 0 sh "$0"; fi # s6-designer\nexec web\n',
        'web/notification-fd': '3\n',
        'web/data/check': '#!/bin/sh\ncurl -fs http://127.0.0.1/\n',
      }),
    )
    const web = r.graph.services.web as Longrun
    expect(web.readiness).toEqual({ notificationFd: 3, check: 'curl -fs http://127.0.0.1/' })
    expect(web.extraFiles).toBeUndefined()
    expect(web.run.body).toBe('exec web')
  })

  it('reads pipelines and refuses a producer for two consumers', () => {
    const r = readTree(
      source({
        ...LONGRUN,
        'web/producer-for': 'web-log\n',
        'web-log/type': 'longrun\n',
        'web-log/run': '#!/bin/sh\nexec logutil-service /var/log/web\n',
        'web-log/consumer-for': 'web\n',
        'web-log/pipeline-name': 'web-pipeline\n',
      }),
    )
    expect(r.diagnostics).toEqual([])
    expect(r.graph.services.web).toMatchObject({ producerFor: 'web-log' })
    expect(r.graph.services['web-log']).toMatchObject({
      consumerFor: ['web'],
      pipelineName: 'web-pipeline',
    })
    expect(codes({ ...LONGRUN, 'web/producer-for': 'a\nb\n' })).toEqual([
      'error:producer-for-invalid',
    ])
  })

  it('ignores pipeline-name on a service that is not the last consumer', () => {
    expect(codes({ ...LONGRUN, 'web/pipeline-name': 'p\n' })).toEqual([
      'warning:pipeline-name-ignored',
    ])
  })

  it('reports unknown files as ignored', () => {
    const r = readTree(source({ ...LONGRUN, 'web/notes.txt': 'x', 'web/flag-recommended': '' }))
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 'web/notes.txt', action: 'ignored' }),
    )
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({
        path: 'web/flag-recommended',
        action: 'ignored',
        note: expect.stringContaining('0.6.0.0'),
      }),
    )
  })
})

describe('readTree: base and the user bundle', () => {
  it('folds a dependency on base shared by every service into dependOnBase', () => {
    const r = readTree(
      source(
        {
          ...LONGRUN,
          'web/dependencies.d/base': '',
          'o/type': 'oneshot',
          'o/up': 'true',
          'o/dependencies.d/base': '',
        },
        ['web'],
      ),
    )
    expect(r.graph.project.dependOnBase).toBe(true)
    expect((r.graph.services.web as Longrun).dependencies).toEqual([])
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: ['web'] })
  })

  it('keeps base explicit when some service does not depend on it', () => {
    const r = readTree(
      source({ ...LONGRUN, 'web/dependencies.d/base': '', 'o/type': 'oneshot', 'o/up': 'true' }),
    )
    expect(r.graph.project.dependOnBase).toBe(false)
    expect((r.graph.services.web as Longrun).dependencies).toEqual(['base'])
  })

  it('adds the user bundle when the source has none, and drops an empty user2', () => {
    const r = readTree(
      textTree({ ...LONGRUN, 'user2/type': 'bundle', 'user2/contents.d/.empty': '' }),
    )
    expect(r.graph.services.user).toEqual({ type: 'bundle', contents: [] })
    expect(r.graph.services.user2).toBeUndefined()
  })

  it('keeps base and user2 as ordinary names in plain context', () => {
    const tree = textTree({ ...LONGRUN, 'web/dependencies.d/base': '', 'user2/type': 'bundle' }, [
      'user2/contents.d',
    ])
    const r = readTree(tree, { context: 'plain' })
    expect(r.graph.project.dependOnBase).toBe(false)
    expect((r.graph.services.web as Longrun).dependencies).toEqual(['base'])
    expect(r.graph.services.user2).toEqual({ type: 'bundle', contents: [] })
  })

  it('never throws, and leaves positions to the editor', () => {
    const r = readTree({ files: { '../x': new Uint8Array([1]) }, dirs: ['/', './a/../b'] })
    expect(r.graph.services.user?.type).toBe('bundle')
    expect(r.graph.layout).toEqual({})
    expect(r.diagnostics.map((d) => d.code)).toEqual(['source-not-found'])
  })
})

describe('readTree: project settings', () => {
  it('says the project settings are the defaults when a bare tree gave the services', () => {
    const bare = readTree(textTree({ 'web/type': 'longrun\n', 'web/run': '#!/bin/sh\nexec web\n' }))
    expect(bare.report.projectDefaults).toBe(true)
    const empty = readTree(textTree({ 'notes.txt': 'nothing here\n' }))
    expect(empty.report.projectDefaults).toBeUndefined()
  })
})

describe('readTree: byte-order marks', () => {
  const BOM = '\ufeff'

  it('says a type file starts with a BOM, and reads the type the author meant', () => {
    const r = readTree(
      source({ 'web/type': `${BOM}longrun\n`, 'web/run': '#!/bin/sh\nexec web\n' }),
    )
    const d = r.diagnostics.find((x) => x.code === 'type-invalid')
    expect(d?.severity).toBe('error')
    expect(d?.message).toMatch(/holds "\\ufefflongrun\\n" \(an invisible byte-order mark/)
    expect(r.graph.services.web?.type).toBe('longrun')
  })

  it("reports a BOM before a run script's #! line as an error and removes it", () => {
    const r = readTree(
      source({
        'web/type': 'longrun\n',
        'web/run': `${BOM}#!/command/with-contenv sh\nexec web\n`,
      }),
    )
    const d = r.diagnostics.filter((x) => x.code === 'byte-order-mark')
    expect(d.map((x) => [x.severity, x.service, x.file])).toEqual([['error', 'web', 'run']])
    expect(d[0]?.message).toMatch(/Exec format error/)
    expect(r.graph.services.web).toMatchObject({
      run: { language: 'sh', body: 'exec web' },
      withContenv: true,
    })
  })

  it('reports a BOM at the start of an up line, and reads the line without it', () => {
    const r = readTree(source({ 'init/type': 'oneshot\n', 'init/up': `${BOM}echo hi\n` }))
    expect(r.diagnostics.map((x) => `${x.severity}:${x.code}:${x.file}`)).toContain(
      'error:byte-order-mark:up',
    )
    expect((r.graph.services.init as Oneshot).up).toEqual({ language: 'execline', body: 'echo hi' })
  })

  it('reads a graph file that starts with a BOM', () => {
    const g = readTree(
      textTree({
        'docker/s6/s6-designer.json': `${BOM}{"version":1,"services":{"user":{"type":"bundle","contents":[]}}}`,
        'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/user/type': 'bundle\n',
      }),
    )
    expect(g.report.graphFile).toBe('docker/s6/s6-designer.json')
  })
})

describe('readTree: several trees in one folder', () => {
  it('reads the image root and says a bare s6-rc.d beside it was not read', () => {
    const r = readTree(
      textTree({
        'repo/a/s6-rc.d/web/type': 'longrun\n',
        'repo/a/s6-rc.d/web/run': '#!/bin/sh\nexec web\n',
        'repo/b/etc/s6-overlay/s6-rc.d/api/type': 'longrun\n',
        'repo/b/etc/s6-overlay/s6-rc.d/api/run': '#!/bin/sh\nexec api\n',
      }),
    )
    expect(Object.keys(r.graph.services)).toContain('api')
    expect(Object.keys(r.graph.services)).not.toContain('web')
    const other = r.diagnostics.filter((d) => d.code === 'multiple-sources')
    expect(other.map((d) => d.file)).toEqual(['repo/a/s6-rc.d'])
    expect(other[0]?.message).toMatch(/only repo\/b was read/)
  })
})
