import { symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError, readTreeInput } from '@/cli/fs'
import { decodeText } from '@/lib/graph/tree-input'
import { treeDir } from './tree-dir'

describe('readTreeInput', () => {
  it('reads bytes, empty folders, exec bits and notes symlinks without following them', async () => {
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
