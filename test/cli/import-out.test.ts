/** import --out never replaces a file unless told to (--replace). */
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
    expect(r.stderr).toMatch(/g\.json already exists; add --replace to replace it/)
    expect(await readFile(join(dir, 'g.json'), 'utf8')).toBe('keep\n')
  })

  it('replaces it with --replace', async () => {
    const dir = await treeDir(VALID)
    await writeFile(join(dir, 'g.json'), 'keep\n')
    const r = await runCli(['import', dir, '--out', 'g.json', '--replace'], dir)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Wrote g.json.')
    expect(await readFile(join(dir, 'g.json'), 'utf8')).toContain('"services"')
  })

  it('says when --out is a folder, --replace or not', async () => {
    const dir = await treeDir(VALID)
    await mkdir(join(dir, 'out'))
    for (const replace of [[], ['--replace']]) {
      const r = await runCli(['import', dir, '--out', 'out', ...replace], dir)
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/out is a folder; give --out the graph file to write/)
    }
  })

  it('takes --replace only with --out', async () => {
    const r = await runCli(['import', await treeDir(VALID), '--replace'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--replace replaces the --out file; give --out/)
  })

  it('says --replace in the usage', async () => {
    const r = await runCli(['import', '--help'])
    expect(r.stdout).toMatch(/^Usage: s6-designer import PATH \[--out GRAPH\.json \[--replace\]\]/)
    expect(r.stdout).toMatch(/^ {2}--replace +replace the --out file if it exists/m)
  })
})
