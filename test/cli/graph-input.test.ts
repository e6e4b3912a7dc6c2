/** How the commands that read a graph .json file take it: a BOM, a folder, standard input. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

const REFERENCE = 'content/examples/reference.json'

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 's6d-input-'))
}

/** The reference design saved as Notepad saves it: UTF-8 with a byte-order mark. */
async function bomGraph(dir: string): Promise<string> {
  const path = join(dir, 'bom.json')
  await writeFile(path, `\ufeff${await readFile(REFERENCE, 'utf8')}`)
  return path
}

describe('a graph file starting with a byte-order mark', () => {
  it.each([
    ['lint', []],
    ['plan', []],
    ['share', ['--base', 'https://example.org/']],
  ])('is read by %s', async (command, extra) => {
    const r = await runCli([command, await bomGraph(await tempDir()), ...extra])
    expect(r.stderr).not.toMatch(/not JSON|Unexpected token/)
    expect(r.code).toBe(0)
  })

  it('is read by export', async () => {
    const dir = await tempDir()
    const r = await runCli(['export', await bomGraph(dir), '--out', join(dir, 'out')])
    expect(r.stderr).not.toMatch(/not JSON|Unexpected token/)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^wrote \d+ files to /m)
  })
})

describe('a folder where a graph file is expected', () => {
  it.each([
    ['share', ['--base', 'https://example.org/']],
    ['export', ['--out', 'out']],
  ])('is named a folder by %s, with the commands that read folders', async (command, extra) => {
    const dir = await tempDir()
    const r = await runCli([command, dir, ...extra], dir)
    expect(r.code).toBe(2)
    expect(r.stderr).not.toMatch(/cannot be read/)
    expect(r.stderr).toMatch(/is a folder, not a graph \.json file/)
    expect(r.stderr).toMatch(/s6-designer import /)
  })

  it("points at an export folder's s6-designer.json", async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 's6-designer.json'), await readFile(REFERENCE, 'utf8'))
    const r = await runCli(['share', dir, '--base', 'https://example.org/'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`give ${join(dir, 's6-designer.json')}`)
  })

  it('still says which file is missing', async () => {
    const r = await runCli(['share', 'no/such.json', '--base', 'https://example.org/'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no\/such\.json: cannot be read \(no such file\)/)
  })
})
