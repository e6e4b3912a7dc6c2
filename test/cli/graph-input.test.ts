/** How the commands that read a graph .json file take it: a BOM, a folder, standard input. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { spawnCli } from './spawn-cli'

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

describe('- for standard input', () => {
  it.each([
    ['lint', [], /^-: 5 services, 1 bundle/],
    ['plan', [], /^Start: s6-rc -u change top/],
    ['share', ['--base', 'https://example.org/'], /^https:\/\/example\.org\/#s6g=1\.d\./],
    ['import', [], /"services"/],
  ])('is read by %s', async (command, extra, output) => {
    const graph = await readFile(REFERENCE, 'utf8')
    const r = await runCli([command, '-', ...extra], process.cwd(), { stdin: graph })
    expect(r.stderr).not.toMatch(/no such file|cannot be read/)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(output)
  })

  it('is read by export, a BOM and all', async () => {
    const dir = await tempDir()
    const graph = `\ufeff${await readFile(REFERENCE, 'utf8')}`
    const r = await runCli(['export', '-', '--out', 'out'], dir, { stdin: graph })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(await readFile(join(dir, 'out/docker/s6/s6-designer.json'), 'utf8')).toContain('"web"')
  })

  it('takes a zip in lint', async () => {
    const dir = await tempDir()
    expect((await runCli(['export', REFERENCE, '--out', join(dir, 'x.zip')])).code).toBe(0)
    const zip = new Uint8Array(await readFile(join(dir, 'x.zip')))
    const r = await runCli(['lint', '-'], dir, { stdin: zip })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^-: 5 services, 1 bundle \(read from docker\/s6\/rootfs/)
  })

  it('says when it is empty', async () => {
    const r = await runCli(['lint', '-'], process.cwd(), { stdin: '' })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/standard input is empty/)
  })

  it.each([
    ['plan', 'hello\n', /standard input holds neither a zip nor a graph \.json file/],
    ['share', 'hello\n', /standard input: not JSON/],
    ['export', '{"version": 1, "services": 3}', /services/],
  ])('says what is wrong with what %s got', async (command, text, message) => {
    const dir = await tempDir()
    const extra = command === 'export' ? ['--out', 'out'] : ['--base', 'https://example.org/']
    const r = await runCli([command, '-', ...(command === 'plan' ? [] : extra)], dir, {
      stdin: text,
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('reads the real standard input of the process', async () => {
    const r = await spawnCli(['plan', '-', '--json'], {
      stdin: await readFile(REFERENCE, 'utf8'),
    })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ targets: ['top'] })
  }, 30_000)

  it('still reads a file named - given as ./-', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, '-'), await readFile(REFERENCE, 'utf8'))
    const r = await runCli(['share', './-', '--base', 'https://example.org/'], dir)
    expect(r.code).toBe(0)
  })
})
