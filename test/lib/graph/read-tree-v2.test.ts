import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTreeInput } from '@/cli/fs'
import { exportFiles } from '@/lib/generate/export-files'
import { readTree } from '@/lib/graph/read-tree'
import { sanitizeName } from '@/lib/graph/read-tree-v2-names'
import { textTree } from '@/lib/graph/tree-input'
import type { TreeInput } from '@/lib/graph/tree-input'
import type { Longrun, Oneshot, ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { graphFacts, treeFacts, treeOfExport } from '../import/tree-facts'

const FIXTURE = join(process.cwd(), 'test/fixtures/v2/linuxserver-style')
const ETC = 'root/etc'

const deps = (g: ServiceGraph, name: string) =>
  (g.services[name] as Oneshot | Longrun | undefined)?.dependencies
const noteOf = (r: ReturnType<typeof readTree>, path: string) =>
  r.report.entries.filter((e) => e.path === path)

describe('readTree: s6-overlay v2 trees (linuxserver.io style fixture)', async () => {
  const input = await readTreeInput(FIXTURE)
  const r = readTree(input)
  const g = r.graph

  it('finds the image root from the v2 folders alone', () => {
    expect(r.report.rootfsDir).toBe('root')
    expect(r.report.sourceDir).toBeUndefined()
    expect(g.project.dependOnBase).toBe(true)
  })

  it('turns cont-init.d into oneshots chained in name order', () => {
    const inits = ['10-adduser', '20-perms', '30-config', '99-custom-scripts']
    for (const n of inits) expect(g.services[n]?.type, n).toBe('oneshot')
    expect(inits.map((n) => deps(g, n))).toEqual([[], ['10-adduser'], ['20-perms'], ['30-config']])
    const adduser = g.services['10-adduser'] as Oneshot
    expect(adduser.withContenv).toBe(true)
    expect(adduser.up.language).toBe('bash')
    expect(adduser.up.body).toMatch(/^# Give the abc user.*\n[\s\S]*usermod -o -u "\$PUID" abc/)
    expect(adduser.up.body).not.toMatch(/^#!/)
    const perms = g.services['20-perms'] as Oneshot
    expect(perms.up).toEqual({
      language: 'execline',
      body: 'if { mkdir -p /run/app }\nchown abc:abc /run/app',
    })
    expect(perms.withContenv).toBe(true)
  })

  it('turns services.d into longruns after the last cont-init oneshot', () => {
    for (const n of ['app', 'cron', 'nginx']) {
      expect(g.services[n]?.type, n).toBe('longrun')
      expect(deps(g, n), n).toEqual(['99-custom-scripts'])
    }
    const app = g.services.app as Longrun
    expect(app.run.body).toBe(
      'cd /app || exit 1\nexec 2>&1\nexec s6-setuidgid abc python3 /app/server.py --config /config/app.conf',
    )
    expect(app.withContenv).toBe(true)
    expect(app.finish?.body).toMatch(/s6-svscanctl -t \/var\/run\/s6\/services/)
    expect((g.services.nginx as Longrun).run).toEqual({
      language: 'execline',
      body: 'nginx -g "daemon off;"',
    })
  })

  it('turns log/ into a logger pipeline', () => {
    const app = g.services.app as Longrun
    const log = g.services['app-log'] as Longrun
    expect(app.producerFor).toBe('app-log')
    expect(log).toMatchObject({
      type: 'longrun',
      consumerFor: ['app'],
      pipelineName: 'app-pipeline',
      dependencies: ['99-custom-scripts'],
      withContenv: false,
    })
    expect(log.run.body).toBe('exec s6-setuidgid nobody s6-log -b n10 s1000000 T /config/logs/app')
  })

  it('turns cont-finish.d into oneshots whose down runs the script, in name order at stop', () => {
    const flush = g.services['10-flush'] as Oneshot
    const bye = g.services['20-goodbye'] as Oneshot
    expect(flush.down?.body).toBe('echo "flushing the cache"\n/app/bin/flush-cache')
    expect(flush.up.body).toMatch(/^# Nothing to start/)
    // s6-rc stops dependents first: 10-flush before 20-goodbye, both before the services.
    expect(flush.dependencies).toEqual(['20-goodbye'])
    expect(bye.dependencies).toEqual(['app', 'app-log', 'cron', 'nginx'])
    expect(bye.withContenv).toBe(false)
  })

  it('puts every converted service in user (the logged one through its pipeline)', () => {
    expect(g.services.user).toEqual({
      type: 'bundle',
      contents: [
        '10-adduser',
        '20-perms',
        '30-config',
        '99-custom-scripts',
        'app-pipeline',
        'cron',
        'nginx',
        '10-flush',
        '20-goodbye',
      ],
    })
  })

  it('reports each conversion with a note', () => {
    const converted = r.report.entries.filter((e) => e.action === 'converted').map((e) => e.path)
    for (const p of [
      'cont-init.d/10-adduser',
      'cont-init.d/20-perms',
      'cont-init.d/30-config',
      'cont-init.d/99-custom-scripts.sh',
      'services.d/app/run',
      'services.d/app/finish',
      'services.d/app/log/run',
      'services.d/cron/run',
      'services.d/nginx/run',
      'cont-finish.d/10-flush',
      'cont-finish.d/20-goodbye',
    ])
      expect(converted, p).toContain(`${ETC}/${p}`)
    expect(noteOf(r, `${ETC}/cont-init.d/20-perms`)[0]?.note).toMatch(
      /^up of oneshot 20-perms, after 10-adduser; #!\/usr\/bin\/execlineb becomes #!\/command\/execlineb/,
    )
    expect(noteOf(r, `${ETC}/cont-init.d/10-adduser`)[0]?.note).not.toMatch(/kept verbatim as sh/)
    expect(noteOf(r, `${ETC}/services.d/app/finish`)).toEqual([
      expect.objectContaining({
        action: 'converted',
        note: expect.stringMatching(/use \/run\/s6\/basedir\/bin\/halt; with-contenv follows run/),
      }),
    ])
    expect(noteOf(r, `${ETC}/cont-finish.d`)[0]?.note).toMatch(
      /s6-rc runs down scripts in reverse dependency order.*\(10-flush, then 20-goodbye\)/,
    )
    expect(noteOf(r, `${ETC}/services.d/cron/down`)).toEqual([
      expect.objectContaining({ action: 'ignored', note: expect.stringMatching(/^a down file/) }),
    ])
    expect(noteOf(r, `${ETC}/fix-attrs.d/01-config`)[0]?.action).toBe('ignored')
  })

  it('warns about fix-attrs.d, nothing else (bash scripts stay bash)', () => {
    const codes = r.diagnostics.map((d) => `${d.code} ${d.service ?? ''}`).sort()
    expect(codes).toEqual(['legacy-v2-folder '])
    const attrs = r.diagnostics.find((d) => d.code === 'legacy-v2-folder')
    expect(attrs?.message).toMatch(/deprecated/)
    expect(attrs?.fix).toMatch(/Dockerfile/)
  })

  it('gives a graph that validates and exports to the same tree', () => {
    expect(validate(g, { context: 'overlay' }).filter((d) => d.severity === 'error')).toEqual([])
    const tree = treeOfExport(exportFiles(g))
    expect(treeFacts(tree)).toEqual(graphFacts(g))
    const again = readTree(tree)
    expect(graphFacts(again.graph)).toEqual(graphFacts(g))
    expect((again.graph.services['10-adduser'] as Oneshot).up).toEqual(
      (g.services['10-adduser'] as Oneshot).up,
    )
  })
})

function v2(files: Record<string, string>, emptyDirs: string[] = []): TreeInput {
  return textTree(
    Object.fromEntries(Object.entries(files).map(([p, c]) => [`etc/${p}`, c])),
    emptyDirs.map((d) => `etc/${d}`),
  )
}

describe('readTree: v2 conversion details', () => {
  it('derives names that fit the name rule and resolves collisions', () => {
    expect(sanitizeName('30-config.sh', 'x')).toBe('30-config')
    expect(sanitizeName('My Setup!!.bash', 'x')).toBe('My-Setup')
    expect(sanitizeName('...', 'cont-init')).toBe('cont-init')
    expect(sanitizeName('s6rc-thing', 'x')).toBe('v2-s6rc-thing')
    expect(sanitizeName('a'.repeat(80), 'x')).toHaveLength(64)
    const r = readTree(
      v2({
        'cont-init.d/web': '#!/bin/sh\necho init\n',
        'cont-init.d/base': '#!/bin/sh\necho base\n',
        'services.d/web/run': '#!/bin/sh\nexec web\n',
        'services.d/user/run': '#!/bin/sh\nexec user\n',
        'cont-finish.d/web': '#!/bin/sh\necho bye\n',
      }),
    )
    const names = Object.keys(r.graph.services).sort()
    expect(names).toEqual(['base-2', 'user', 'user-2', 'web', 'web-2', 'web-3'])
    expect(r.graph.services['base-2']?.type).toBe('oneshot')
    expect(r.graph.services['web-2']?.type).toBe('longrun')
    expect(deps(r.graph, 'web-2')).toEqual(['web'])
    expect((r.graph.services['web-3'] as Oneshot).down?.body).toBe('echo bye')
  })

  it('skips dot-files, reports folders, links and plain files it cannot convert', () => {
    const input = v2(
      {
        'cont-init.d/.hidden': '#!/bin/sh\n',
        'cont-init.d/10-ok': '#!/bin/sh\necho ok\n',
        'cont-init.d/sub/x': 'x',
        'services.d/README': 'notes',
        'services.d/norun/finish': '#!/bin/sh\n',
        'services.d/quiet/run': '#!/bin/sh\nexec quiet\n',
        'services.d/quiet/log/notes': 'no run here',
      },
      [],
    )
    input.symlinks = ['etc/cont-init.d/20-link']
    const r = readTree(input)
    expect(Object.keys(r.graph.services).sort()).toEqual(['10-ok', 'quiet', 'user'])
    const action = (p: string) => r.report.entries.find((e) => e.path === `etc/${p}`)
    expect(action('cont-init.d/sub')?.action).toBe('ignored')
    expect(action('services.d/README')?.action).toBe('ignored')
    expect(action('services.d/norun')?.note).toMatch(/no run script/)
    expect(action('services.d/quiet/log/notes')?.note).toMatch(/log\/ has no run script/)
    expect(r.report.entries.some((e) => e.path.includes('.hidden'))).toBe(false)
    expect(r.diagnostics.map((d) => d.code)).toEqual(['symlink-not-followed'])
    expect((r.graph.services.quiet as Longrun).producerFor).toBeUndefined()
  })

  it('makes the s6-rc.d services that waited for base wait for the last cont-init oneshot', () => {
    const r = readTree(
      textTree({
        'etc/s6-overlay/s6-rc.d/web/type': 'longrun\n',
        'etc/s6-overlay/s6-rc.d/web/run': '#!/bin/sh\nexec web\n',
        'etc/s6-overlay/s6-rc.d/web/dependencies.d/base': '',
        'etc/s6-overlay/s6-rc.d/user/type': 'bundle\n',
        'etc/s6-overlay/s6-rc.d/user/contents.d/web': '',
        'etc/cont-init.d/10-a': '#!/bin/sh\n',
        'etc/cont-init.d/20-b': '#!/bin/sh\n',
      }),
    )
    expect(deps(r.graph, 'web')).toEqual(['20-b'])
    expect(deps(r.graph, '20-b')).toEqual(['10-a'])
    expect((r.graph.services.user as { contents: string[] }).contents).toEqual([
      'web',
      '10-a',
      '20-b',
    ])
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({
        path: 'etc/cont-init.d',
        note: expect.stringMatching(/\(web\) now also depend on 20-b/),
      }),
    )
  })

  it('lists base explicitly when the tree does not put every service on base', () => {
    const r = readTree(
      textTree({
        'etc/s6-overlay/s6-rc.d/web/type': 'longrun\n',
        'etc/s6-overlay/s6-rc.d/web/run': '#!/bin/sh\nexec web\n',
        'etc/services.d/worker/run': '#!/bin/sh\nexec worker\n',
        'etc/cont-finish.d/bye': '#!/bin/sh\necho bye\n',
      }),
    )
    expect(r.graph.project.dependOnBase).toBe(false)
    expect(deps(r.graph, 'web')).toEqual([])
    expect(deps(r.graph, 'worker')).toEqual(['base'])
    expect(deps(r.graph, 'bye')).toEqual(['worker'])
  })

  it('chains cont-finish.d alone and warns about scripts that are not executable', () => {
    const input = v2({
      'cont-finish.d/10-a': '#!/bin/sh\necho a\n',
      'cont-finish.d/20-b': '#!/bin/sh\necho b\n',
      'cont-finish.d/30-c': '#!/bin/sh\necho c\n',
    })
    input.executables = ['etc/cont-finish.d/10-a', 'etc/cont-finish.d/20-b']
    const r = readTree(input)
    expect(['10-a', '20-b', '30-c'].map((n) => deps(r.graph, n))).toEqual([['20-b'], ['30-c'], []])
    expect(r.diagnostics.filter((d) => d.code === 'script-not-executable')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        service: '30-c',
        file: 'etc/cont-finish.d/30-c',
        message:
          'etc/cont-finish.d/30-c is not executable: s6-overlay v3 cannot run it ("Permission denied").',
      }),
    ])
  })

  it('warns about a services.d run or finish without the exec bit too', () => {
    const input = v2({
      'services.d/app/run': '#!/bin/sh\nexec app\n',
      'services.d/app/finish': '#!/bin/sh\necho bye\n',
      'services.d/ok/run': '#!/bin/sh\nexec ok\n',
    })
    input.executables = ['etc/services.d/app/finish', 'etc/services.d/ok/run']
    const r = readTree(input)
    expect(
      r.diagnostics
        .filter((d) => d.code === 'script-not-executable')
        .map((d) => [d.service, d.file]),
    ).toEqual([['app', 'etc/services.d/app/run']])
  })

  it("keeps a #! line's shell options as a set line, so the design still stops on errors", () => {
    const r = readTree(
      v2({
        'cont-init.d/20-config': '#!/usr/bin/with-contenv bash -e\ncd /config\nchown abc /config\n',
        'services.d/app/run': '#!/bin/sh -eu\nexec app\n',
      }),
    )
    const up = r.graph.services['20-config'] as Oneshot
    expect(up.up).toEqual({ language: 'bash', body: 'set -e\ncd /config\nchown abc /config' })
    expect((r.graph.services.app as Longrun).run.body).toBe('set -eu\nexec app')
    const note = (p: string) => r.report.entries.find((e) => e.path === `etc/${p}`)?.note ?? ''
    expect(note('cont-init.d/20-config')).toMatch(/the #! line's -e kept as "set -e" at the top/)
    expect(note('services.d/app/run')).toMatch(/the #! line's -eu kept as "set -eu" at the top/)
    // The cd is then covered: no cd-unchecked on the imported design.
    expect(validate(r.graph).filter((d) => d.code === 'cd-unchecked')).toEqual([])
  })

  it('keeps v2 paths in bodies but says what replaced them', () => {
    const r = readTree(
      v2({
        'services.d/app/run': '#!/usr/bin/with-contenv sh\n/usr/bin/s6-setuidgid abc app\n',
        'services.d/app/finish': '#!/bin/sh\ns6-svc -d /var/run/s6/services/app\n',
      }),
    )
    const note = (p: string) => r.report.entries.find((e) => e.path === `etc/${p}`)?.note ?? ''
    expect(note('services.d/app/run')).toMatch(/call them by name/)
    expect(note('services.d/app/finish')).toMatch(/moved to \/run\/service/)
    expect((r.graph.services.app as Longrun).run.body).toBe('/usr/bin/s6-setuidgid abc app')
  })

  it('converts in a plain s6-rc context without adding base', () => {
    const r = readTree(v2({ 'services.d/app/run': '#!/bin/sh\nexec app\n' }), {
      context: 'plain',
    })
    expect(deps(r.graph, 'app')).toEqual([])
  })
})
