import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { readZip, zipFiles } from '@/lib/export/zip'
import { exportFiles } from '@/lib/generate/export-files'
import { directoriesOf } from '@/lib/generate/file-map'
import type { FileMap } from '@/lib/generate/file-map'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraphs } from '../../fixtures/graphs'

const reference = exampleGraphs().reference as ServiceGraph
const tmp = mkdtempSync(join(tmpdir(), 's6d-zip-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** Zips the reference export in a child process with the given TZ and returns the bytes. */
function zipInTimeZone(tz: string): Buffer {
  const out = join(tmp, `ref-${tz.replace(/\W/g, '_')}.zip`)
  const code = [
    "import { readFileSync, writeFileSync } from 'node:fs'",
    "import { exportFiles } from './lib/generate/export-files.ts'",
    "import { zipFiles } from './lib/export/zip.ts'",
    "const g = JSON.parse(readFileSync('content/examples/reference.json', 'utf8'))",
    `writeFileSync(${JSON.stringify(out)}, await zipFiles(exportFiles(g)))`,
  ].join('\n')
  execFileSync('node', ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: process.cwd(),
    env: { ...process.env, TZ: tz },
  })
  return readFileSync(out)
}

/** The entry names of a zip (without a comment, under 65,536 entries), as its central directory lists them. */
function entryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.length - 22
  expect(view.getUint32(end, true)).toBe(0x06054b50)
  const names: string[] = []
  let at = view.getUint32(end + 16, true)
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const length = view.getUint16(at + 28, true)
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    names.push(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + length)))
    at += 46 + length + skip
  }
  return names
}

describe('zipFiles', () => {
  it('gives byte-identical zips for the same files, in any time zone', async () => {
    const a = await zipFiles(exportFiles(reference))
    const b = await zipFiles(exportFiles(structuredClone(reference)))
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const la = zipInTimeZone('America/Los_Angeles')
    const tokyo = zipInTimeZone('Asia/Tokyo')
    expect(la.equals(Buffer.from(a))).toBe(true)
    expect(tokyo.equals(Buffer.from(a))).toBe(true)
  })

  it('stores UNIX modes: folders and executables 0755, other files 0644, as unzip restores them', async () => {
    const files = exportFiles(reference)
    const path = join(tmp, 'modes.zip')
    writeFileSync(path, await zipFiles(files))
    const dest = join(tmp, 'unzipped')
    execFileSync('unzip', ['-q', path, '-d', dest])
    for (const [p, f] of files) {
      expect(statSync(join(dest, p)).mode & 0o777, p).toBe(f.executable ? 0o755 : 0o644)
      expect(readFileSync(join(dest, p), 'utf8'), p).toBe(f.contents)
    }
    expect(statSync(join(dest, 'docker/s6/rootfs/etc/s6-overlay')).mode & 0o777).toBe(0o755)
    const listing = execFileSync('zipinfo', [path], { encoding: 'utf8' })
    expect(listing).toMatch(/^drwxr-xr-x .* unx .* docker\/s6\/rootfs\/$/m)
    expect(listing).toMatch(/^-rwxr-xr-x .* unx .* defN .* docker\/s6\/build\.sh$/m)
    expect(listing).not.toMatch(/ fat /)
  })

  it('writes explicit folder entries, before their contents, in path order', async () => {
    const files: FileMap = new Map([
      ['b/x', { contents: 'x\n', executable: false }],
      ['a/c/d', { contents: '', executable: true }],
    ])
    const path = join(tmp, 'order.zip')
    writeFileSync(path, await zipFiles(files))
    const names = execFileSync('zipinfo', ['-1', path], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(['a/', 'a/c/', 'a/c/d', 'b/', 'b/x'])
  })

  it('lists every folder once and every entry in path order, for paths in any order', async () => {
    // Segments that sort around `/` ('-' and '.' before it, '0' and 'é' after) and nest.
    const segment = fc.constantFrom('a', 'a-b', 'a.b', 'a0', 'ab', 'é', 'b')
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'))
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(path, { minLength: 1, maxLength: 12 }), async (paths) => {
        const files: FileMap = new Map(
          paths.map((p) => [p, { contents: `${p}\n`, executable: false }]),
        )
        const expected = [...directoriesOf(paths).map((d) => `${d}/`), ...paths].sort()
        expect(entryNames(await zipFiles(files))).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('readZip', () => {
  it('reads back files, folders and modes', async () => {
    const files = exportFiles(reference)
    const z = await readZip(await zipFiles(files))
    expect(Object.keys(z.files).sort()).toEqual([...files.keys()])
    for (const [p, f] of files) {
      expect(new TextDecoder().decode(z.files[p]), p).toBe(f.contents)
      expect(z.modes[p], p).toBe(f.executable ? 0o755 : 0o644)
    }
    expect(z.dirs).toContain('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web/dependencies.d')
    expect(z.executables?.sort()).toEqual(
      [...files].filter(([, f]) => f.executable).map(([p]) => p),
    )
  })

  it('reads back files of any size and script, written one after another through one buffer', async () => {
    const big = 'x'.repeat(70_000) + 'é✓😀'.repeat(30_000)
    const files = new Map([
      ['a/small', { contents: 'é✓😀\n', executable: false }],
      ['a/big', { contents: big, executable: true }],
      ['a/empty', { contents: '', executable: false }],
      ['b/after-big', { contents: 'short\n', executable: false }],
    ])
    const z = await readZip(await zipFiles(files))
    for (const [p, f] of files) expect(new TextDecoder().decode(z.files[p]), p).toBe(f.contents)
  })

  it('leaves out entries that climb out of the zip, and rejects what is not a zip', async () => {
    const dir = join(tmp, 'evil')
    execFileSync('python3', [
      '-c',
      [
        'import zipfile, sys',
        'z = zipfile.ZipFile(sys.argv[1], "w")',
        'z.writestr("../escape", "x")',
        'z.writestr("ok/file", "y")',
        'z.close()',
      ].join('\n'),
      `${dir}.zip`,
    ])
    const z = await readZip(new Uint8Array(readFileSync(`${dir}.zip`)))
    expect(Object.keys(z.files)).toEqual(['ok/file'])
    expect(z.executables).toEqual([])
    await expect(readZip(new TextEncoder().encode('not a zip'))).rejects.toThrow()
  })

  it('refuses zips over its limits', async () => {
    const bytes = await zipFiles(exportFiles(reference))
    await expect(readZip(bytes, { maxEntries: 3 })).rejects.toThrow(/entries/)
    await expect(readZip(bytes, { maxBytes: 100 })).rejects.toThrow(/bytes/)
  })
})
