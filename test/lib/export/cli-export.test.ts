import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '@/cli/main'
import { readZip, zipFiles } from '@/lib/export/zip'
import { exportFiles } from '@/lib/generate/export-files'
import type { ServiceGraph } from '@/lib/graph/types'
import { exampleGraphs } from '../../fixtures/graphs'

const tmp = mkdtempSync(join(tmpdir(), 's6d-cli-export-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const reference = exampleGraphs().reference as ServiceGraph
const graphFile = join(tmp, 'reference.json')
writeFileSync(graphFile, JSON.stringify(reference))

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(['export', ...args], {
    cwd: tmp,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  })
  return { code, out, err }
}

describe('s6-designer export', () => {
  it('writes the files into a folder with their modes', async () => {
    const r = await cli('reference.json', '--out', 'out-dir')
    expect(r).toMatchObject({ code: 0, err: '' })
    expect(r.out).toMatch(/^wrote \d+ files to out-dir\n$/)
    for (const [path, file] of exportFiles(reference)) {
      const target = join(tmp, 'out-dir', path)
      expect(readFileSync(target, 'utf8'), path).toBe(file.contents)
      expect(statSync(target).mode & 0o777, path).toBe(file.executable ? 0o755 : 0o644)
    }
  })

  it('writes the same zip the site gives with --out FILE.zip', async () => {
    const r = await cli('reference.json', '--out=dist/reference.zip')
    expect(r.code).toBe(0)
    const bytes = readFileSync(join(tmp, 'dist/reference.zip'))
    expect(bytes.equals(Buffer.from(await zipFiles(exportFiles(reference))))).toBe(true)
    const z = await readZip(new Uint8Array(bytes))
    expect(z.modes['docker/s6/build.sh']).toBe(0o755)
  })

  it('refuses a design with errors unless --force, and exits 1 either way', async () => {
    const broken = structuredClone(reference)
    const web = broken.services.web
    if (web?.type === 'longrun') web.dependencies = [...web.dependencies, 'missing-service']
    writeFileSync(join(tmp, 'broken.json'), JSON.stringify(broken))
    const refused = await cli('broken.json', '--out', 'broken-out')
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('missing-service')
    expect(refused.err).toContain('nothing written')
    expect(existsSync(join(tmp, 'broken-out'))).toBe(false)
    const forced = await cli('broken.json', '--out', 'broken-out', '--force')
    expect(forced.code).toBe(1)
    expect(existsSync(join(tmp, 'broken-out/docker/s6/Dockerfile'))).toBe(true)
  })

  it('exits 2 on usage and read problems', async () => {
    expect((await cli('reference.json')).code).toBe(2)
    expect((await cli('--out', 'x')).code).toBe(2)
    expect((await cli('nope.json', '--out', 'x')).code).toBe(2)
    writeFileSync(join(tmp, 'bad.json'), '{ not json')
    const bad = await cli('bad.json', '--out', 'x')
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('not JSON')
    writeFileSync(join(tmp, 'shape.json'), '[1, 2]')
    expect((await cli('shape.json', '--out', 'x')).code).toBe(2)
    expect(existsSync(join(tmp, 'x'))).toBe(false)
  })
})
