import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError, mapInParallel, readTreeInput } from '@/cli/fs'
import { decodeText } from '@/lib/graph/tree-input'
import { treeDir } from './tree-dir'

describe('readTreeInput', () => {
  it('reads bytes, empty folders and exec bits; for an import, notes links out of the folder without following them', async () => {
    const dir = await treeDir(
      { 'web/type': 'longrun\r\n', 'web/run': '#!/bin/sh\nexec web\n' },
      { emptyDirs: ['user/contents.d'], executable: ['web/run'] },
    )
    await symlink('/etc/passwd', join(dir, 'web/finish'))
    const tree = await readTreeInput(dir)
    expect(decodeText(tree.files['web/type'] as Uint8Array)).toBe('longrun\r\n')
    expect(tree.dirs.sort()).toEqual(['user', 'user/contents.d', 'web'])
    expect(tree.executables).toEqual(['web/run'])
    expect(tree.symlinks).toEqual(['web/finish'])
    expect(tree.files['web/finish']).toBeUndefined()
  })

  it('reads through links as s6-rc-compile does, but never up the tree or nowhere', async () => {
    const shared = await treeDir({ run: '#!/bin/sh\nexec shared\n', 'svc/type': 'longrun\n' })
    const dir = await treeDir({ 'web/type': 'longrun\n', 'inner/run': '#!/bin/sh\nexec inner\n' })
    await symlink(join(shared, 'run'), join(dir, 'web/run'))
    await symlink(join(shared, 'svc'), join(dir, 'svc'))
    await symlink(join(dir, 'inner/run'), join(dir, 'web/finish'))
    await symlink('..', join(dir, 'web/up-the-tree'))
    await symlink(join(dir, 'missing'), join(dir, 'nowhere'))
    // Two folders linking to each other: each is walked once through the other, then no more.
    const a = join(dir, 'ring/a')
    const b = join(dir, 'ring/b')
    await mkdir(a, { recursive: true })
    await mkdir(b, { recursive: true })
    await symlink(b, join(a, 'to-b'))
    await symlink(a, join(b, 'to-a'))
    // lint and plan (outside: true) read every link s6-rc-compile would.
    const lint = await readTreeInput(dir, { outside: true })
    expect(decodeText(lint.files['web/run'] as Uint8Array)).toBe('#!/bin/sh\nexec shared\n')
    expect(decodeText(lint.files['svc/type'] as Uint8Array)).toBe('longrun\n')
    expect(decodeText(lint.files['web/finish'] as Uint8Array)).toBe('#!/bin/sh\nexec inner\n')
    expect(lint.dirs).toContain('svc')
    expect(lint.symlinks?.sort()).toEqual([
      'nowhere',
      'ring/a/to-b/to-a/to-b',
      'ring/b/to-a/to-b/to-a',
      'web/up-the-tree',
    ])
    // An import follows only the links that stay inside the folder it reads.
    const imported = await readTreeInput(dir)
    expect(imported.files['web/finish']).toBeDefined()
    expect(imported.files['web/run']).toBeUndefined()
    expect(imported.symlinks?.sort()).toEqual([
      'nowhere',
      'ring/a/to-b/to-a/to-b',
      'ring/b/to-a/to-b/to-a',
      'svc',
      'web/run',
      'web/up-the-tree',
    ])
  })

  it('reads only the s6 folders of a bigger tree', async () => {
    const dir = await treeDir({
      'rootfs/etc/s6-overlay/s6-rc.d/web/type': 'longrun',
      'rootfs/usr/share/doc/readme': 'not needed',
      'rootfs/.git/HEAD': 'ref',
    })
    const tree = await readTreeInput(dir)
    expect(Object.keys(tree.files)).toEqual(['rootfs/etc/s6-overlay/s6-rc.d/web/type'])
    expect(tree.dirs).toContain('rootfs/usr/share/doc')
    expect(tree.dirs).not.toContain('rootfs/.git')
  })

  it('keeps a file named __proto__ as an ordinary file', async () => {
    const dir = await treeDir({ ['__proto__']: 'x', 'web/type': 'longrun\n' })
    const tree = await readTreeInput(dir)
    expect(Object.keys(tree.files).sort()).toEqual(['__proto__', 'web/type'])
    expect(decodeText(tree.files['__proto__'] as Uint8Array)).toBe('x')
  })

  it('refuses a missing path and a file', async () => {
    await expect(readTreeInput('/no/such/folder')).rejects.toBeInstanceOf(InputError)
    await expect(readTreeInput('package.json')).rejects.toThrow(/not a folder/)
  })
})

describe('mapInParallel', () => {
  const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('gives the results in the order of the items, a bounded number at work at once', async () => {
    let running = 0
    let most = 0
    const items = Array.from({ length: 200 }, (_, i) => i)
    const out = await mapInParallel(items, async (i) => {
      running++
      most = Math.max(most, running)
      await tick((i * 7) % 5)
      running--
      return i * 2
    })
    expect(out).toEqual(items.map((i) => i * 2))
    expect(most).toBeGreaterThan(1)
    expect(most).toBeLessThanOrEqual(32)
  })

  it('throws the first failure and starts no item after it', async () => {
    const started: number[] = []
    const items = Array.from({ length: 200 }, (_, i) => i)
    const run = mapInParallel(items, async (i) => {
      started.push(i)
      await tick(1)
      if (i === 40) throw new Error('disk full')
      return i
    })
    await expect(run).rejects.toThrow('disk full')
    await tick(20)
    expect(started.length).toBeLessThan(items.length)
    expect(Math.max(...started)).toBeLessThan(40 + 32)
  })
})
