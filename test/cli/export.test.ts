import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ServiceGraph } from '@/lib/graph/types'
import { runCli } from './run-cli'
import { spawnCli } from './spawn-cli'
import { treeDir } from './tree-dir'

const REFERENCE = 'content/examples/reference.json'
const OVERLAY = 'docker/s6/rootfs/etc/s6-overlay'

/** Every entry under `dir`, relative and sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort()
}

/** The reference design without its worker (and the user bundle no longer naming it). */
async function withoutWorker(dir: string): Promise<string> {
  const graph = JSON.parse(await readFile(REFERENCE, 'utf8')) as ServiceGraph & {
    layout?: Record<string, unknown>
  }
  delete graph.services.worker
  const user = graph.services.user
  if (user?.type === 'bundle') user.contents = user.contents.filter((n) => n !== 'worker')
  delete graph.layout?.worker
  const path = join(dir, 'no-worker.json')
  await writeFile(path, JSON.stringify(graph))
  return path
}

describe('s6-designer export --out DIR', () => {
  it('removes what an earlier export left in the folders it owns, and only that', async () => {
    const dir = await treeDir({
      'notes.txt': 'mine\n',
      'docker/s6/rootfs/etc/s6-overlay/cont-init.d/10-mine': '#!/bin/sh\n',
      'docker/s6/rootfs/usr/local/bin/tool': 'mine\n',
      'outside/secret.txt': 'keep\n',
    })
    const first = await runCli(['export', REFERENCE, '--out', dir])
    expect(first.code).toBe(0)
    expect(first.stdout).not.toMatch(/stale/)
    expect(existsSync(join(dir, OVERLAY, 's6-rc.d/worker/run'))).toBe(true)
    // A link someone left in s6-rc.d is not the export's: it is refused, then with --replace
    // it goes (its target stays).
    await symlink(join(dir, 'outside'), join(dir, OVERLAY, 's6-rc.d/linked'))
    const refused = await runCli(['export', await withoutWorker(dir), '--out', dir])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`it would remove:\n  ${OVERLAY}/s6-rc.d/linked\n`)
    // The worker the earlier export wrote is no hand change: it is not listed.
    expect(refused.stderr).not.toContain('s6-rc.d/worker')
    await rm(join(dir, OVERLAY, 's6-rc.d/linked'))

    const second = await runCli(['export', await withoutWorker(dir), '--out', dir])
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/^removed \d+ stale files left by an earlier export:$/m)
    expect(second.stdout).toContain(`  ${OVERLAY}/s6-rc.d/worker/\n`)
    expect(second.stdout).toContain(`  ${OVERLAY}/user-bundles.d/user/contents.d/worker\n`)
    expect(existsSync(join(dir, OVERLAY, 's6-rc.d/worker'))).toBe(false)
    expect(existsSync(join(dir, OVERLAY, 'user-bundles.d/user/contents.d/worker'))).toBe(false)
    expect(existsSync(join(dir, OVERLAY, 's6-rc.d/web/run'))).toBe(true)
    expect(existsSync(join(dir, OVERLAY, 'user-bundles.d/user/contents.d/web'))).toBe(true)
    for (const mine of [
      'notes.txt',
      'no-worker.json',
      'docker/s6/rootfs/etc/s6-overlay/cont-init.d/10-mine',
      'docker/s6/rootfs/usr/local/bin/tool',
      'outside/secret.txt',
    ])
      expect(existsSync(join(dir, mine)), mine).toBe(true)

    // The owned folders hold exactly what a fresh export of the same design writes.
    const fresh = await treeDir({})
    await runCli(['export', join(dir, 'no-worker.json'), '--out', fresh])
    for (const owned of ['s6-rc.d', 'user-bundles.d', 'scripts'])
      expect(await filesUnder(join(dir, OVERLAY, owned)), owned).toEqual(
        await filesUnder(join(fresh, OVERLAY, owned)),
      )
    const lint = await runCli(['lint', join(dir, 'docker/s6'), '--json'])
    expect(JSON.parse(lint.stdout)).toMatchObject({ errors: 0, warnings: 0 })
    expect(second.stdout).toMatch(/wrote \d+ files to /)
  })

  it('removes the scripts the earlier export wrote, never a helper put there by hand', async () => {
    const dir = await treeDir({})
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
    await writeFile(join(dir, OVERLAY, 'scripts/helper'), '#!/bin/sh\necho mine\n')
    const graph = JSON.parse(await readFile(REFERENCE, 'utf8')) as ServiceGraph
    const oneshots = Object.keys(graph.services).filter(
      (n) => graph.services[n]?.type === 'oneshot',
    )
    for (const n of oneshots) delete graph.services[n]
    for (const s of Object.values(graph.services))
      if (s.type !== 'bundle') s.dependencies = s.dependencies.filter((d) => !oneshots.includes(d))
    await writeFile(join(dir, 'g.json'), JSON.stringify(graph))
    const r = await runCli(['export', join(dir, 'g.json'), '--out', dir])
    expect(r.code).toBe(0)
    for (const n of oneshots) {
      expect(r.stdout).toContain(`  ${OVERLAY}/scripts/${n}\n`)
      expect(existsSync(join(dir, OVERLAY, 'scripts', n))).toBe(false)
    }
    expect(await readFile(join(dir, OVERLAY, 'scripts/helper'), 'utf8')).toBe(
      '#!/bin/sh\necho mine\n',
    )
  })

  it("removes no script when no earlier s6-designer.json says which were the export's", async () => {
    const dir = await treeDir({ [`${OVERLAY}/scripts/old-oneshot`]: '#!/bin/sh\n' })
    const r = await runCli(['export', REFERENCE, '--out', dir])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toMatch(/stale/)
    expect(existsSync(join(dir, OVERLAY, 'scripts/old-oneshot'))).toBe(true)
  })

  it('replaces a stale folder where the export now writes a file', async () => {
    const dir = await treeDir({})
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
    await rm(join(dir, OVERLAY, 's6-rc.d/web/type'))
    await mkdir(join(dir, OVERLAY, 's6-rc.d/web/type'), { recursive: true })
    await writeFile(join(dir, OVERLAY, 's6-rc.d/web/type/x'), '')
    // Made by hand since the export: refused, then replaced with --replace.
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(2)
    const r = await runCli(['export', REFERENCE, '--out', dir, '--replace'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(
      `removed 1 file not in the design (--replace):\n  ${OVERLAY}/s6-rc.d/web/type/\n`,
    )
    expect(await readFile(join(dir, OVERLAY, 's6-rc.d/web/type'), 'utf8')).toBe('longrun\n')
  })

  it('keeps a script the design now calls but no longer writes (the image provides it)', async () => {
    const dir = await treeDir({})
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
    const written = await readFile(join(dir, OVERLAY, 'scripts/config-check'), 'utf8')
    const graph = JSON.parse(await readFile(REFERENCE, 'utf8')) as ServiceGraph
    const before = graph.services['config-check']
    if (before?.type !== 'oneshot') throw new Error('config-check is a oneshot')
    graph.services['config-check'] = {
      ...before,
      up: { language: 'execline', body: '/etc/s6-overlay/scripts/config-check' },
    }
    await writeFile(join(dir, 'g.json'), JSON.stringify(graph))
    const r = await runCli(['export', join(dir, 'g.json'), '--out', dir])
    expect(r.code).toBe(0)
    expect(await readFile(join(dir, OVERLAY, 's6-rc.d/config-check/up'), 'utf8')).toBe(
      '/etc/s6-overlay/scripts/config-check\n',
    )
    expect(r.stdout).not.toMatch(/stale/)
    expect(await readFile(join(dir, OVERLAY, 'scripts/config-check'), 'utf8')).toBe(written)
  })

  it.runIf(process.platform === 'linux')(
    'fails with exit 2, not a hang, where no folder can be made (/proc)',
    async () => {
      const r = await spawnCli(['export', REFERENCE, '--out', '/proc/s6d-nope/out'], {
        timeoutMs: 15_000,
      })
      expect(r.signal).toBeNull()
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(
        's6-designer export: cannot create the folder /proc/s6d-nope: this file system does not allow new folders there\n',
      )
    },
    20_000,
  )

  it('exits 2 naming the file in the way when the output is under a file', async () => {
    const dir = await treeDir({ 'a-file': 'x' })
    const r = await runCli(['export', REFERENCE, '--out', join(dir, 'a-file/out')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${join(dir, 'a-file')} is not a folder`)
    const zip = await runCli(['export', REFERENCE, '--out', join(dir, 'a-file/x.zip')])
    expect(zip.code).toBe(2)
    expect(zip.stderr).toContain(`${join(dir, 'a-file')} is not a folder`)
  })

  it('refuses to write through a symbolic link in the output folder, before touching anything', async () => {
    for (const linked of ['docker/s6/README.md', 'docker/s6/rootfs', 'docker']) {
      const dir = await treeDir({ 'victim/keep.txt': 'mine\n' })
      const target = linked.endsWith('.md') ? join(dir, 'victim/keep.txt') : join(dir, 'victim')
      await mkdir(join(dir, linked, '..'), { recursive: true })
      await symlink(target, join(dir, linked))
      const r = await runCli(['export', REFERENCE, '--out', dir])
      expect(r.code, linked).toBe(2)
      expect(r.stderr).toContain(`${linked} in ${dir} is a symbolic link`)
      expect(r.stderr).toContain('nothing written')
      expect(await readFile(join(dir, 'victim/keep.txt'), 'utf8')).toBe('mine\n')
      expect(await filesUnder(join(dir, 'victim'))).toEqual(['keep.txt'])
    }
  })

  it('refuses to write a zip through a symbolic link', async () => {
    const dir = await treeDir({ 'victim.zip': 'PK\u0003\u0004 theirs' })
    await symlink(join(dir, 'victim.zip'), join(dir, 'link.zip'))
    const r = await runCli(['export', REFERENCE, '--out', join(dir, 'link.zip')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/link\.zip is a symbolic link.*nothing written/)
    expect(await readFile(join(dir, 'victim.zip'), 'utf8')).toBe('PK\u0003\u0004 theirs')
  })
})
