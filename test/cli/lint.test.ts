import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '@/lib/export/zip'
import { exportFiles } from '@/lib/generate/export-files'
import { serializeGraph } from '@/lib/graph/parse'
import type { ServiceGraph } from '@/lib/graph/types'
import { benchGraph } from '@/bench/validate-plan'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

const SOURCE = 'rootfs/etc/s6-overlay/s6-rc.d'

/** A folder holding the export of the reference design; returns its docker/s6. */
async function exported(): Promise<string> {
  const dir = await treeDir({})
  expect((await runCli(['export', 'content/examples/reference.json', '--out', dir])).code).toBe(0)
  return join(dir, 'docker/s6')
}

describe('s6-designer lint', () => {
  it('exits 0 on a valid tree and prints a summary line', async () => {
    const dir = await treeDir(VALID)
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^0 errors, 0 warnings/m)
  })

  it('checks the export of a design of 3,000 services (over 20,000 files, once refused)', async () => {
    const dir = await treeDir({
      'big.json': serializeGraph({ ...benchGraph(3_000), layout: {} }),
    })
    const exported = await runCli(['export', 'big.json', '--out', 'out'], dir)
    expect(exported.code).toBe(0)
    const written = Number(/wrote (\d+) files/.exec(exported.stdout)?.[1])
    expect(written).toBeGreaterThan(20_000)
    const r = await runCli(['lint', join(dir, 'out')])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings?$/m)
  }, 180_000)

  it('names each file from the folder given (--json path) and once in the text', async () => {
    const root = await exported()
    const source = join(root, SOURCE)
    await rm(join(source, 'web/run'))
    await symlink('/nowhere/run', join(source, 'web/run'))
    await rm(join(source, 'worker/timeout-kill'))
    const dir = join(root, '../..')
    const text = await runCli(['lint', dir])
    expect(text.stdout).toMatch(/^ {2}warning {2}web\/run {2}.*symbolic link/m)
    expect(text.stdout).not.toContain('web/docker/')
    const r = await runCli(['lint', dir, '--json'])
    const out = JSON.parse(r.stdout) as {
      diagnostics: { code: string; service: string | null; file: string | null; path: string }[]
    }
    const inDir = (path: string) => `docker/s6/${SOURCE}/${path}`
    const byCode = (code: string) => out.diagnostics.find((d) => d.code === code)
    expect(byCode('symlink-not-followed')?.path).toBe(inDir('web/run'))
    // A check of the design (validate), named in the service's folder too.
    expect(byCode('stop-unbounded')).toMatchObject({
      service: 'worker',
      file: 'timeout-kill',
      path: inDir('worker/timeout-kill'),
    })
    expect(byCode('graph-file-differs')?.path).toBe('docker/s6/s6-designer.json')
    for (const d of out.diagnostics) if (d.file !== null) expect(d.path).toMatch(/^docker\/s6\//)
  })

  it('reads a run script or a service folder through a symbolic link, as s6-rc-compile does', async () => {
    const shared = await treeDir({
      run: '#!/bin/sh\nexec sleep 1000\n',
      'job/type': 'oneshot\n',
      'job/up': 'true\n',
    })
    const { 'web/run': _run, ...rest } = VALID
    const dir = await treeDir({ ...rest, 'user/contents.d/job': '' })
    await symlink(join(shared, 'run'), join(dir, 'web/run'))
    await symlink(join(shared, 'job'), join(dir, 'job'))
    const r = await runCli(['lint', dir, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { errors: number; diagnostics: { code: string }[] }
    expect(out.errors).toBe(0)
    expect(out.diagnostics.map((d) => d.code)).not.toContain('symlink-not-followed')
  })

  it('exits 2, as plan and import do, for a folder with no s6 services in it', async () => {
    const dir = await treeDir({ 'notes.txt': 'nothing to see\n' })
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('source-not-found')
    expect(r.stderr).toContain('no s6 services to check')
    expect(r.stdout).toBe('')
  })

  it('warns about an s6-overlay v2 script without the exec bit, which v3 cannot run', async () => {
    const dir = await treeDir(
      {
        'etc/cont-init.d/10-setup': '#!/usr/bin/with-contenv sh\necho setup\n',
        'etc/cont-init.d/20-keys': '#!/usr/bin/with-contenv sh\necho keys\n',
        'etc/services.d/web/run': '#!/usr/bin/with-contenv sh\nexec sleep 100\n',
      },
      { executable: ['etc/cont-init.d/20-keys', 'etc/services.d/web/run'] },
    )
    const r = await runCli(['lint', dir, '--json'])
    const found = (
      JSON.parse(r.stdout) as { diagnostics: Array<{ code: string; file?: string }> }
    ).diagnostics.filter((d) => d.code === 'script-not-executable')
    expect(found.map((d) => d.file)).toEqual(['etc/cont-init.d/10-setup'])
  })

  it('fails on warnings over --max-warnings, for CI', async () => {
    // One warning: a longrun not in the user bundle (never started).
    const dir = await treeDir({ ...VALID, 'idle/type': 'longrun\n', 'idle/run': 'exec idle\n' })
    const plain = await runCli(['lint', dir, '--json'])
    const { warnings } = JSON.parse(plain.stdout) as { warnings: number }
    expect(plain.code).toBe(0)
    expect(warnings).toBeGreaterThan(0)
    const over = await runCli(['lint', dir, '--max-warnings', String(warnings - 1)])
    expect(over.code).toBe(1)
    expect(over.stdout).toContain('(--max-warnings)')
    expect((await runCli(['lint', dir, '--max-warnings', String(warnings)])).code).toBe(0)
    const bad = await runCli(['lint', dir, '--max-warnings', 'some'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-warnings takes a whole number')
  })

  it('exits 1 and prints each problem with its fix, grouped by service', async () => {
    const dir = await treeDir({ ...VALID, 'web/timeout-up': '5s\n', 'init/type': 'Oneshot\n' })
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^init\n {2}error {4}init\/type {2}.*Oneshot/m)
    expect(r.stdout).toMatch(
      /^web\n {2}error {4}web\/timeout-up {2}.*"5s\\n".*\(timeout-invalid\)\n {11}fix: /m,
    )
    expect(r.stdout).toMatch(/^2 errors, 0 warnings$/m)
  })

  it('prints the JSON shape with --json', async () => {
    const dir = await treeDir({ ...VALID, 'web/timeout-up': '5s\n' })
    const r = await runCli(['lint', dir, '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['errors', 'warnings', 'diagnostics'])
    expect(out.errors).toBe(1)
    expect(out.diagnostics).toContainEqual({
      code: 'timeout-invalid',
      severity: 'error',
      service: 'web',
      file: 'timeout-up',
      path: 'web/timeout-up',
      message: expect.stringContaining('web/timeout-up'),
      fix: expect.any(String),
    })
  })

  it('reads an image root and a graph file too', async () => {
    const files = Object.fromEntries(
      Object.entries(VALID).map(([p, t]) => [`rootfs/etc/s6-overlay/s6-rc.d/${p}`, t]),
    )
    const dir = await treeDir(files)
    const r = await runCli(['lint', 'rootfs'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('rootfs: 2 services, 1 bundle (read from etc/s6-overlay/s6-rc.d)')
    const graph = await runCli(['lint', 'content/examples/reference.json', '--json'])
    expect(JSON.parse(graph.stdout)).toMatchObject({ errors: 0 })
  })

  it('treats base and user as plain names with --plain', async () => {
    const dir = await treeDir(
      { 'base/type': 'bundle\n', 'user/type': 'bundle\n' },
      { emptyDirs: ['base/contents.d', 'user/contents.d'] },
    )
    expect((await runCli(['lint', dir, '--plain'])).code).toBe(0)
    expect((await runCli(['lint', dir])).code).toBe(1)
  })

  it.each([
    [['lint'], /missing DIR/],
    [['lint', 'a', 'b'], /expected one DIR/],
    [['lint', '.', '--jsn'], /unknown option --jsn/],
    [['lint', '.', '--json=yes'], /--json takes no value/],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const r = await runCli(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain('Usage: s6-designer lint')
  })

  it('exits 2 when the folder is missing or is not a folder', async () => {
    const missing = await runCli(['lint', 'no/such/dir'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no such file or folder/)
    const file = await runCli(['lint', 'README.md'])
    expect(file.code).toBe(2)
    expect(file.stderr).toMatch(/not a folder/)
    const notGraph = await runCli(['lint', 'package.json'])
    expect(notGraph.code).toBe(2)
    expect(notGraph.stderr).toMatch(/package.json: version: /)
  })

  it('checks the tree of an export, not the s6-designer.json beside it', async () => {
    const s6 = await exported()
    const clean = await runCli(['lint', s6])
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain(
      `(read from ${SOURCE}, what ships; s6-designer.json was only compared with it)`,
    )
    expect(clean.stdout).toMatch(/^0 errors, 0 warnings/m)

    // A service left over from an earlier export, and a hand edit that breaks another.
    await mkdir(join(s6, SOURCE, 'old'))
    await writeFile(join(s6, SOURCE, 'old/type'), 'longrun\n')
    await writeFile(join(s6, SOURCE, 'old/run'), '#!/bin/sh\nexec old\n')
    await writeFile(join(s6, SOURCE, 'web/timeout-kill'), '5s\n')
    const r = await runCli(['lint', s6])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^web\n {2}error {4}web\/timeout-kill /m)
    expect(r.stdout).toMatch(/^old\n/m)
    expect(r.stdout).toContain(
      `s6-designer.json does not match the tree, which is what ships and what was checked: ${SOURCE}/old/ (only in the tree), ${SOURCE}/web/timeout-kill (changed). (graph-file-differs)`,
    )
    const json = JSON.parse((await runCli(['lint', s6, '--json'])).stdout) as {
      diagnostics: { code: string; file: string | null }[]
    }
    expect(json.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'graph-file-differs', file: 's6-designer.json' }),
    )
  })

  it('says what an export is missing, and warns when its graph file is unreadable', async () => {
    const s6 = await exported()
    await copyFile(join(s6, 's6-designer.json'), join(s6, '..', 'design.json'))
    await writeFile(join(s6, 's6-designer.json'), '{ broken')
    const broken = await runCli(['lint', s6])
    expect(broken.stdout).toContain(`(read from ${SOURCE}, what ships;`)
    expect(broken.stdout).toMatch(/s6-designer\.json could not be compared with the tree: not JSON/)
    await copyFile(join(s6, '..', 'design.json'), join(s6, 's6-designer.json'))
    await writeFile(join(s6, 'rootfs/etc/s6-overlay/scripts/config-check'), '#!/bin/sh\n')
    // A helper of the user's own beside the export's scripts is no difference.
    await writeFile(join(s6, 'rootfs/etc/s6-overlay/scripts/helper'), '#!/bin/sh\n')
    await rm(join(s6, 'rootfs/etc/s6-overlay/user-bundles.d/user/contents.d/worker'))
    const r = await runCli(['lint', s6])
    expect(r.stdout).toContain(
      'rootfs/etc/s6-overlay/scripts/config-check (changed), rootfs/etc/s6-overlay/user-bundles.d/user/contents.d/worker (not in the tree)',
    )
    expect(r.stdout).not.toContain('scripts/helper')
  })

  it('checks the tree of a zipped export too', async () => {
    const graph = JSON.parse(
      await readFile('content/examples/reference.json', 'utf8'),
    ) as ServiceGraph
    const files = exportFiles(graph)
    files.set(`docker/s6/${SOURCE}/old/type`, { contents: 'longrun\n', executable: false })
    files.set(`docker/s6/${SOURCE}/old/run`, { contents: '#!/bin/sh\n', executable: true })
    const dir = await treeDir({})
    await writeFile(join(dir, 'shop.zip'), await zipFiles(files))
    const r = await runCli(['lint', 'shop.zip'], dir)
    expect(r.stdout).toContain(`(read from docker/s6/${SOURCE}, what ships;`)
    expect(r.stdout).toContain(`docker/s6/${SOURCE}/old/ (only in the tree)`)
  })

  it('reads the graph file of a folder that holds no tree', async () => {
    const dir = await treeDir({
      's6-designer.json': await readFile('content/examples/reference.json', 'utf8'),
    })
    const r = await runCli(['lint', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/ \(read from s6-designer\.json\)$/m)
    expect(r.stdout).not.toMatch(/graph-file-differs/)
  })
})
