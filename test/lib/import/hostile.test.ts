/**
 * One test per reason an import is refused. Each asserts the message (which names the entry or
 * the limit) and that nothing comes back but that message.
 */
import { describe, expect, it } from 'vitest'
import { importFile, importTree } from '@/lib/import/import'
import type { ImportResult } from '@/lib/import/import'
import { IMPORT_LIMITS } from '@/lib/import/limits'
import { preflightEntries, skippedInFolder, treeFromEntries } from '@/lib/import/tree-check'
import { buildZip, fileEntry, zerosDeflated } from './zip-builder'
import type { RawEntry } from './zip-builder'

const WEB: RawEntry[] = [
  fileEntry('s6-rc.d/user/type', 'bundle\n'),
  fileEntry('s6-rc.d/user/contents.d/web', ''),
  fileEntry('s6-rc.d/web/type', 'longrun\n'),
  fileEntry('s6-rc.d/web/run', '#!/bin/sh\nexec web\n', true),
]

async function refusal(entries: RawEntry[] | Uint8Array, name = 'app.zip'): Promise<string> {
  const bytes = entries instanceof Uint8Array ? entries : buildZip(entries)
  const r: ImportResult = await importFile(name, bytes)
  expect(Object.keys(r).sort()).toEqual(['error', 'ok'])
  if (r.ok) throw new Error('expected a refusal')
  expect(r.error.startsWith(`${name} was not imported: `)).toBe(true)
  return r.error
}

describe('importFile refuses hostile zips', () => {
  it('accepts the clean tree the hostile ones are built on', async () => {
    const r = await importFile('app.zip', buildZip(WEB))
    expect(r.ok && Object.keys(r.graph.services).sort()).toEqual(['user', 'web'])
  })

  it('reads entries named like object keys (constructor, toString) as ordinary paths', async () => {
    const r = await importFile(
      'app.zip',
      buildZip([
        ...WEB,
        fileEntry('toString', 'x'),
        fileEntry('s6-rc.d/constructor/type', 'longrun\n'),
        fileEntry('s6-rc.d/constructor/run', '#!/bin/sh\nexec sleep 1\n', true),
      ]),
    )
    if (!r.ok) throw new Error(r.error)
    expect(Object.keys(r.graph.services).sort()).toEqual(['constructor', 'user', 'web'])
    expect(r.report.entries).toContainEqual({
      path: '.',
      action: 'ignored',
      note: '1 other file outside the s6 folders, not read',
    })
  })

  it('an entry that climbs out with ..', async () => {
    expect(await refusal([...WEB, fileEntry('s6-rc.d/../../etc/cron.d/evil', 'x')])).toBe(
      'app.zip was not imported: the entry "s6-rc.d/../../etc/cron.d/evil" climbs out of the folder with a .. segment.',
    )
  })

  it('a folder entry that climbs out with ..', async () => {
    expect(await refusal([...WEB, { name: '../outside/', mode: 0o40755 }])).toMatch(
      /the entry "\.\.\/outside\/" climbs out of the folder/,
    )
  })

  it('an absolute path', async () => {
    expect(await refusal([...WEB, fileEntry('/etc/passwd', 'root::0:0::/:/bin/sh\n')])).toBe(
      'app.zip was not imported: the entry "/etc/passwd" is an absolute path.',
    )
  })

  it('a Windows absolute path', async () => {
    expect(await refusal([...WEB, fileEntry('C:\\Windows\\evil.bat', 'x')])).toMatch(
      /the entry "C:\\\\Windows\\\\evil\.bat" is an absolute path/,
    )
  })

  it('a symbolic link', async () => {
    expect(
      await refusal([...WEB, { name: 's6-rc.d/web/finish', data: '/etc/shadow', mode: 0o120777 }]),
    ).toBe('app.zip was not imported: the entry "s6-rc.d/web/finish" is a symbolic link.')
  })

  it('more entries than the limit', async () => {
    const many = Array.from({ length: IMPORT_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `f/${i}`,
      method: 0,
    }))
    expect(await refusal(many)).toBe(
      `app.zip was not imported: the zip holds more than ${IMPORT_LIMITS.maxEntries} entries.`,
    )
  })

  it('a file declared bigger than 1 MB', async () => {
    const blob = { name: 's6-rc.d/web/data/blob', compressed: zerosDeflated(2), size: 2 << 20 }
    expect(await refusal([...WEB, blob])).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/data/blob" unpacks to 2 MB, more than the 1 MB allowed for one file.',
    )
  })

  it('more than 20 MB in all', async () => {
    const files = Array.from({ length: 21 }, (_, i) =>
      fileEntry(`s6-rc.d/web/data/part-${i}`, 'y'.repeat(1 << 20)),
    )
    expect(await refusal([...WEB, ...files])).toBe(
      'app.zip was not imported: the zip unpacks to more than the 20 MB allowed in all.',
    )
  })

  it('a zip bomb that declares a small size (3 GB of zeros; inflating stops early)', async () => {
    const bomb = { name: 's6-rc.d/web/data/bomb', compressed: zerosDeflated(3 * 1024), size: 10 }
    expect(await refusal([...WEB, bomb])).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/data/bomb" unpacks to more than the 10 bytes it declares.',
    )
  })

  it('a file that unpacks to fewer bytes than declared', async () => {
    expect(
      await refusal([...WEB, { ...fileEntry('s6-rc.d/web/down-signal', 'SIGTERM\n'), size: 100 }]),
    ).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/down-signal" unpacks to 8 bytes, not the 100 it declares.',
    )
  })

  it('a stored file whose declared size is not what it stores', async () => {
    expect(
      await refusal([...WEB, { ...fileEntry('s6-rc.d/web/x', 'abc'), method: 0, size: 9 }]),
    ).toBe('app.zip was not imported: the entry "s6-rc.d/web/x" declares 9 bytes but stores 3.')
  })

  it('sizes that differ between the two headers', async () => {
    const bytes = buildZip([...WEB, fileEntry('s6-rc.d/web/x', 'abc')])
    const central = lastIndexOf(bytes, [0x50, 0x4b, 0x01, 0x02])
    new DataView(bytes.buffer).setUint32(central + 24, 4, true)
    expect(await refusal(bytes)).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/x" declares different sizes in its two headers.',
    )
  })

  it('a name that differs between the two headers', async () => {
    expect(
      await refusal([...WEB, { ...fileEntry('s6-rc.d/web/ok', 'x'), localName: '../../../x!' }]),
    ).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/ok" has another name in its local header.',
    )
  })

  it('a name that is not UTF-8', async () => {
    const name = new Uint8Array([0x73, 0x36, 0x2f, 0xff, 0xfe])
    expect(await refusal([...WEB, { name, data: 'x', flags: 0 }])).toMatch(
      /the entry "s6\/\ufffd\ufffd" has a name that is not valid UTF-8/,
    )
  })

  it('a control character in a name', async () => {
    expect(await refusal([...WEB, fileEntry('s6-rc.d/web/a\u0007b', 'x')])).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/a\\u0007b" has a control character in its name.',
    )
  })

  it('the name __proto__', async () => {
    expect(await refusal([...WEB, fileEntry('__proto__', 'x')])).toMatch(
      /the entry "__proto__" has the reserved name __proto__/,
    )
  })

  it('the same path twice', async () => {
    expect(await refusal([...WEB, fileEntry('s6-rc.d/web/run', '#!/bin/sh\nexec other\n')])).toBe(
      'app.zip was not imported: the zip holds "s6-rc.d/web/run" twice.',
    )
  })

  it('a path that is both a file and a folder', async () => {
    expect(await refusal([...WEB, { name: 's6-rc.d/web/run/', mode: 0o40755 }])).toBe(
      'app.zip was not imported: the zip holds "s6-rc.d/web/run" both as a file and as a folder.',
    )
  })

  it('an encrypted entry', async () => {
    expect(await refusal([...WEB, { ...fileEntry('s6-rc.d/web/x', 'x'), flags: 0x801 }])).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/x" is encrypted.',
    )
  })

  it('an unknown compression method', async () => {
    expect(
      await refusal([...WEB, { ...fileEntry('s6-rc.d/web/x', 'x'), method: 14, size: 1 }]),
    ).toBe(
      'app.zip was not imported: the entry "s6-rc.d/web/x" uses compression method 14; only stored and deflated files can be read.',
    )
  })

  it('a truncated zip', async () => {
    const bytes = buildZip(WEB)
    const cut = new Uint8Array([...bytes.subarray(0, 40), ...bytes.subarray(bytes.length - 22)])
    expect(await refusal(cut)).toMatch(/the zip is truncated/)
  })

  it('bytes that only start like a zip', async () => {
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe(
      'app.zip was not imported: it is not a zip (no end of central directory record).',
    )
  })

  it('s6 files that are not UTF-8 text', async () => {
    const latin1 = new Uint8Array([
      0x23, 0x21, 0x2f, 0x62, 0x69, 0x6e, 0x2f, 0x73, 0x68, 0x0a, 0xe9,
    ])
    const run = { name: 's6-rc.d/web/run', data: latin1, mode: 0o100755 }
    expect(await refusal([...WEB.slice(0, 3), run])).toBe(
      'app.zip was not imported: the file "s6-rc.d/web/run" is not UTF-8 text (it holds bytes that are not UTF-8); s6 Designer reads it as text.',
    )
    const type = { name: 's6-rc.d/web/type', data: new Uint8Array([0x6c, 0, 0x0a]) }
    expect(await refusal([...WEB.slice(0, 2), type, WEB[3]!])).toMatch(
      /the file "s6-rc\.d\/web\/type" is not UTF-8 text \(it holds a NUL byte\)/,
    )
    const env = fileEntry('s6-rc.d/web/env/NAME', '')
    expect(await refusal([...WEB, { ...env, data: new Uint8Array([0xc3]) }])).toMatch(
      /"s6-rc\.d\/web\/env\/NAME" is not UTF-8 text/,
    )
    const deps = { name: 's6-rc.d/web/dependencies', data: new Uint8Array([0x80, 0x0a]) }
    expect(await refusal([...WEB, deps])).toMatch(/"s6-rc\.d\/web\/dependencies" is not UTF-8/)
    const v2 = { name: 'etc/cont-init.d/10-x', data: new Uint8Array([0x23, 0x21, 0xff]) }
    expect(await refusal([v2])).toMatch(/"etc\/cont-init\.d\/10-x" is not UTF-8 text/)
  })

  it('but keeps a binary data/ file out of the design without refusing', async () => {
    const blob = { name: 's6-rc.d/web/data/logo.png', data: new Uint8Array([0x89, 0x50, 0, 0xff]) }
    const r = await importFile('app.zip', buildZip([...WEB, blob]))
    if (!r.ok) throw new Error(r.error)
    expect(r.report.entries).toContainEqual(
      expect.objectContaining({ path: 's6-rc.d/web/data/logo.png', action: 'ignored' }),
    )
  })
})

describe('importFile refuses what is not a tree', () => {
  it('a file over the input limit', async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.maxInputBytes + 1)
    bytes.set([0x50, 0x4b, 0x03, 0x04])
    expect(await refusal(bytes)).toBe(
      'app.zip was not imported: it is 20.0 MB, more than the 20 MB allowed.',
    )
  })

  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(), 'x.zip')).toBe(
      'x.zip was not imported: the file is empty.',
    )
  })

  it('another archive format', async () => {
    expect(await refusal(new Uint8Array([0x1f, 0x8b, 8, 0]), 'tree.tar.gz')).toMatch(
      /^tree\.tar\.gz was not imported: it is a gzip \(\.tar\.gz, \.tgz\) archive; s6 Designer reads zip files: import the whole folder/,
    )
  })

  it('one file of a service', async () => {
    expect(await refusal(new TextEncoder().encode('#!/bin/sh\nexec web\n'), 'run')).toMatch(
      /^run was not imported: it looks like an s6 run file of one service; import the whole folder \(an s6-rc\.d, or an image root/,
    )
    expect(await refusal(new TextEncoder().encode('#!/bin/sh\n'), 'setup.sh')).toMatch(
      /it looks like a script of one service/,
    )
  })

  it('JSON that is not a graph', async () => {
    expect(await refusal(new TextEncoder().encode('{ "version": 1, '), 'g.json')).toMatch(
      /^g\.json was not imported: it is not valid JSON/,
    )
    expect(await refusal(new TextEncoder().encode('[1, 2]'), 'g.json')).toMatch(
      /it is not an s6 Designer graph \(expected a graph object/,
    )
    // A package.json picked by mistake is not an empty design.
    const pkg = '{ "name": "app", "dependencies": { "next": "16" } }'
    expect(await refusal(new TextEncoder().encode(pkg), 'package.json')).toMatch(
      /^package\.json was not imported: .*it has no version, project or services/,
    )
  })

  it('a zip without any s6 service', async () => {
    expect(await refusal([fileEntry('README.md', '# hello\n')])).toMatch(
      /app\.zip was not imported: no s6 services were found in it; import the whole folder/,
    )
  })
})

describe('dropped folders', () => {
  const enc = (s: string) => new TextEncoder().encode(s)

  it('refuses unsafe, clashing, too many or too big entries', () => {
    const ok = { path: 'app/s6-rc.d/web/type', bytes: enc('longrun\n') }
    expect(treeFromEntries([ok, { path: 'app/../x', bytes: enc('') }])).toEqual({
      error: 'the entry "app/../x" climbs out of the folder with a .. segment',
    })
    expect(treeFromEntries([ok, { path: '/abs', bytes: enc('') }])).toEqual({
      error: 'the entry "/abs" is an absolute path',
    })
    expect(treeFromEntries([ok, { path: 'app//s6-rc.d/web/type', bytes: enc('') }])).toEqual({
      error: 'the path "app/s6-rc.d/web/type" appears twice',
    })
    expect(treeFromEntries([ok, { path: 'app/s6-rc.d/web/type/x', bytes: enc('') }])).toEqual({
      error:
        'the path "app/s6-rc.d/web/type" is a file, yet "app/s6-rc.d/web/type/x" is inside it as a file',
    })
    expect(preflightEntries([{ path: 'big', size: (1 << 20) + 1 }])).toBe(
      'the file "big" is 1.0 MB, more than the 1 MB allowed for one file',
    )
    const over = IMPORT_LIMITS.maxEntries + 1
    const many = Array.from({ length: over }, (_, i) => ({ path: `f${i}`, size: 0 }))
    expect(preflightEntries(many)).toBe(
      `it holds ${over} files, more than the ${IMPORT_LIMITS.maxEntries} allowed`,
    )
    const heavy = Array.from({ length: 21 }, (_, i) => ({ path: `f${i}`, size: 1 << 20 }))
    expect(preflightEntries(heavy)).toBe('its files add up to more than the 20 MB allowed')
  })

  it('imports a clean folder, and refuses binary s6 files in one', () => {
    const tree = treeFromEntries([
      { path: 'app/s6-rc.d/web/type', bytes: enc('longrun\n') },
      { path: 'app/s6-rc.d/web/run', bytes: enc('#!/bin/sh\nexec web\n') },
    ])
    if ('error' in tree) throw new Error(tree.error)
    const r = importTree(tree, { projectName: 'app', name: 'app/' })
    expect(r.ok && r.graph.project.name).toBe('app')
    expect(r.ok && r.summary).toBe(
      'app/: 1 service and 1 bundle read from app/s6-rc.d. 0 errors, 0 warnings.',
    )
    tree.files['app/s6-rc.d/web/run'] = new Uint8Array([0xff])
    expect(importTree(tree)).toEqual({
      ok: false,
      error:
        'The folder was not imported: the file "app/s6-rc.d/web/run" is not UTF-8 text (it holds bytes that are not UTF-8); s6 Designer reads it as text.',
    })
  })
})

function lastIndexOf(bytes: Uint8Array, sig: number[]): number {
  for (let i = bytes.length - sig.length; i >= 0; i--)
    if (sig.every((b, j) => bytes[i + j] === b)) return i
  return -1
}

describe('folder imports skip hidden folders and node_modules', () => {
  it('leaves .git, .cache and node_modules below the picked folder unread, and nothing else', () => {
    expect(skippedInFolder('repo/.git/objects/ab/cd')).toBe(true)
    expect(skippedInFolder('repo/app/node_modules/x/index.js')).toBe(true)
    expect(skippedInFolder('repo/.cache/x')).toBe(true)
    expect(skippedInFolder('repo/rootfs/etc/s6-overlay/s6-rc.d/web/run')).toBe(false)
    // Files named with a dot are read (the importer decides), and so is the picked folder.
    expect(skippedInFolder('repo/s6-rc.d/user/contents.d/.empty')).toBe(false)
    expect(skippedInFolder('.dotfiles/s6-rc.d/web/type')).toBe(false)
  })
})
