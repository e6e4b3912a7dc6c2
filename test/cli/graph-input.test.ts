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
