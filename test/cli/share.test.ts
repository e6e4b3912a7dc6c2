import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ServiceGraph } from '@/lib/graph/types'
import { runCli } from './run-cli'
import { treeDir } from './tree-dir'

const REFERENCE = 'content/examples/reference.json'
const BASE = 'https://example.org/s6/'

/** The reference design with a secret on web and one in the project. */
async function withSecrets(dir: string): Promise<string> {
  const graph = JSON.parse(await readFile(REFERENCE, 'utf8')) as ServiceGraph
  const web = graph.services.web
  if (web?.type !== 'longrun') throw new Error('the reference has no longrun web')
  web.env = [...(web.env ?? []), { name: 'TOKEN', value: 'hunter2', secret: true }]
  graph.project.env = [
    ...(graph.project.env ?? []),
    { name: 'DB_PASSWORD', value: 'swordfish', secret: true },
  ]
  const path = join(dir, 'secret.json')
  await writeFile(path, JSON.stringify(graph))
  return path
}

describe('s6-designer share and open', () => {
  it('round-trips a design through a link', async () => {
    const dir = await treeDir({})
    const share = await runCli(['share', REFERENCE, '--base', 'https://example.org/s6/'])
    expect(share.code).toBe(0)
    expect(share.stdout).toMatch(/^https:\/\/example\.org\/s6\/#s6g=1\.d\.\S+\n$/)
    const open = await runCli(['open', share.stdout.trim(), '--out', 'out/g.json'], dir)
    expect(open).toMatchObject({ code: 0, stdout: 'wrote out/g.json (6 services)\n' })
    const graph = JSON.parse(await readFile(join(dir, 'out/g.json'), 'utf8')) as ServiceGraph
    expect(Object.keys(graph.services)).toContain('worker')
  })

  it('open leaves an existing file alone without --replace, and prints the graph for --out -', async () => {
    const dir = await treeDir({ 'notes.txt': 'my precious notes\n' })
    const link = (await runCli(['share', REFERENCE, '--base', BASE])).stdout.trim()
    const refused = await runCli(['open', link, '--out', 'notes.txt'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('notes.txt already exists; add --replace to replace it')
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('my precious notes\n')
    const replaced = await runCli(['open', link, '--out', 'notes.txt', '--replace'], dir)
    expect(replaced.code).toBe(0)
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toMatch(/"services"/)
    const printed = await runCli(['open', link, '--out', '-'], dir)
    expect(printed.code).toBe(0)
    expect(JSON.parse(printed.stdout)).toEqual(
      JSON.parse(await readFile(join(dir, 'notes.txt'), 'utf8')),
    )
    expect(existsSync(join(dir, '-'))).toBe(false)
    // import prints for --out - too; export has nothing to print and says so.
    const imported = await runCli(['import', join(process.cwd(), REFERENCE), '--out', '-'], dir)
    expect(imported.code).toBe(0)
    expect(Object.keys((JSON.parse(imported.stdout) as ServiceGraph).services)).toContain('web')
    const exported = await runCli(['export', join(process.cwd(), REFERENCE), '--out', '-'], dir)
    expect(exported.code).toBe(2)
    expect(exported.stderr).toContain('give --out DIR or --out FILE.zip, not -')
    expect(existsSync(join(dir, '-'))).toBe(false)
  })

  it('leaves secret values out of the link and says how many', async () => {
    const dir = await treeDir({})
    const share = await runCli(['share', await withSecrets(dir), '--base', BASE])
    expect(share.code).toBe(0)
    expect(share.stderr).toContain('note: 2 secret values are left out of the link\n')
    const open = await runCli(['open', share.stdout.trim(), '--out', 'g.json'], dir)
    expect(open.code).toBe(0)
    const text = await readFile(join(dir, 'g.json'), 'utf8')
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('swordfish')
    const graph = JSON.parse(text) as ServiceGraph
    const web = graph.services.web
    expect(web?.type === 'longrun' && web.env?.find((v) => v.name === 'TOKEN')).toEqual({
      name: 'TOKEN',
      value: '',
      secret: true,
    })
  })

  it('says nothing about secrets when there are none to leave out', async () => {
    const share = await runCli(['share', REFERENCE, '--base', BASE])
    expect(share.code).toBe(0)
    expect(share.stderr).not.toMatch(/secret/)
  })

  it.each([
    [['share'], /missing GRAPH\.json/],
    [['share', REFERENCE, '--bse', 'x'], /unknown option --bse/],
    [['share', REFERENCE, '--json'], /unknown option --json/],
    [['share', REFERENCE, 'other.json'], /expected one GRAPH\.json, got 2/],
    [['share', REFERENCE, '--base'], /--base needs a value/],
    [['share', REFERENCE, '--base', 'not a url'], /--base not a url is not a URL/],
    [['open', 's6g=x'], /missing --out GRAPH\.json/],
    [['open', '--out', 'g.json'], /missing LINK/],
    [['open', 's6g=x', '--out', 'g.json', '--force'], /unknown option --force/],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const r = await runCli(argv)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toContain(`Usage: s6-designer ${argv[0]}`)
  })

  it('exits 2 on a graph it cannot read and on a link it cannot open', async () => {
    const missing = await runCli(['share', 'no/such.json', '--base', BASE])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no\/such\.json: cannot be read/)
    const notGraph = await runCli(['share', 'package.json', '--base', BASE])
    expect(notGraph.code).toBe(2)
    expect(notGraph.stderr).toMatch(/^s6-designer share: package\.json: /)
    const dir = await treeDir({})
    const bad = await runCli(
      ['open', 'https://example.org/#s6g=1.d.AAAAAA.xyz', '--out', 'g.json'],
      dir,
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^s6-designer open: /)
    expect(bad.stdout).toBe('')
  })

  it.each(['share', 'open'])('lists the exit statuses in %s --help', async (name) => {
    const r = await runCli([name, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Exit status: 0 .*, 2 usage/m)
  })
})
