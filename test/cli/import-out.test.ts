/** import --out never replaces a file unless told to (--force). */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { treeDir, VALID } from './tree-dir'

describe('s6-designer import --out onto an existing file', () => {
  it('refuses, leaving the file as it was', async () => {
    const dir = await treeDir(VALID)
    await writeFile(join(dir, 'g.json'), 'keep\n')
    const r = await runCli(['import', dir, '--out', 'g.json'], dir)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/g\.json already exists; add --force to replace it/)
    expect(await readFile(join(dir, 'g.json'), 'utf8')).toBe('keep\n')
  })

  it('replaces it with --force', async () => {
    const dir = await treeDir(VALID)
    await writeFile(join(dir, 'g.json'), 'keep\n')
    const r = await runCli(['import', dir, '--out', 'g.json', '--force'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Wrote g.json.')
    expect(await readFile(join(dir, 'g.json'), 'utf8')).toContain('"services"')
  })

  it('says when --out is a folder, --force or not', async () => {
    const dir = await treeDir(VALID)
    await mkdir(join(dir, 'out'))
    for (const force of [[], ['--force']]) {
      const r = await runCli(['import', dir, '--out', 'out', ...force], dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/out is a folder; give --out the graph file to write/)
    }
  })

  it('takes --force only with --out', async () => {
    const r = await runCli(['import', await treeDir(VALID), '--force'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--force replaces the --out file; give --out/)
  })

  it('says --force in the usage', async () => {
    const r = await runCli(['import', '--help'])
    expect(r.stdout).toMatch(/^Usage: s6-designer import PATH \[--out GRAPH\.json \[--force\]\]/)
    expect(r.stdout).toMatch(/^ {2}--force +replace the --out file if it exists/m)
  })
})
