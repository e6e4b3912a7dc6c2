/**
 * `export` does not overwrite or remove work it did not write (found by an export review: into
 * a hand-written docker/s6 it removed the user's service folders as "left by an earlier
 * export", replaced README.md and Dockerfile, and exited 0), and says the design's warnings.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'
import { treeDir } from './tree-dir'

const REFERENCE = 'content/examples/reference.json'
const OVERLAY = 'docker/s6/rootfs/etc/s6-overlay'

/** A hand-written setup where the reference export goes: a service and a README of its own. */
async function handWritten(): Promise<string> {
  const dir = await treeDir({})
  await mkdir(join(dir, OVERLAY, 's6-rc.d/handmade'), { recursive: true })
  await writeFile(join(dir, OVERLAY, 's6-rc.d/handmade/type'), 'longrun\n')
  await writeFile(join(dir, 'docker/s6/README.md'), 'my own notes\n')
  return dir
}

describe('s6-designer export into a folder it did not write', () => {
  it('refuses, lists what it would replace and remove, and writes nothing', async () => {
    const dir = await handWritten()
    const r = await runCli(['export', REFERENCE, '--out', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('holds files no export wrote')
    expect(r.stderr).toContain('it would replace:\n  docker/s6/README.md')
    expect(r.stderr).toContain(`it would remove:\n  ${OVERLAY}/s6-rc.d/handmade/`)
    expect(r.stderr).toContain('--replace')
    expect(await readFile(join(dir, 'docker/s6/README.md'), 'utf8')).toBe('my own notes\n')
    expect(existsSync(join(dir, OVERLAY, 's6-rc.d/handmade/type'))).toBe(true)
    expect(existsSync(join(dir, 'docker/s6/Dockerfile'))).toBe(false)
  })

  it('writes over them with --replace, and does not call them left by an earlier export', async () => {
    const dir = await handWritten()
    const r = await runCli(['export', REFERENCE, '--out', dir, '--replace'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('not in the design (--replace)')
    expect(r.stdout).not.toContain('earlier export')
    expect(existsSync(join(dir, OVERLAY, 's6-rc.d/handmade'))).toBe(false)
    expect(await readFile(join(dir, 'docker/s6/README.md'), 'utf8')).not.toBe('my own notes\n')
  })

  it('writes into a folder whose files are what it would write anyway, and into its own export', async () => {
    const dir = await treeDir({})
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
    // Its own earlier export: a hand edit of the README is replaced, as the usage says.
    await writeFile(join(dir, 'docker/s6/README.md'), 'edited\n')
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
  })

  it('refuses to write a zip over a file that is not one, without --replace', async () => {
    const dir = await treeDir({})
    const target = join(dir, 'keep.zip')
    await writeFile(target, 'keep')
    const r = await runCli(['export', REFERENCE, '--out', target])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is not a zip')
    expect(await readFile(target, 'utf8')).toBe('keep')
    expect((await runCli(['export', REFERENCE, '--out', target, '--replace'])).code).toBe(0)
    // A zip it wrote is written over without a word, as before.
    expect((await runCli(['export', REFERENCE, '--out', target])).code).toBe(0)
  })
})

describe('s6-designer export says the warnings', () => {
  it('prints the warnings lint prints, on stderr, and still writes', async () => {
    const dir = await treeDir({})
    const graph = JSON.parse(await readFile(REFERENCE, 'utf8')) as {
      services: Record<string, Record<string, unknown>>
    }
    graph.services.web = { ...graph.services.web, essential: true }
    await writeFile(join(dir, 'g.json'), JSON.stringify(graph))
    const r = await runCli(['export', join(dir, 'g.json'), '--out', join(dir, 'out.zip')])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning .*\(essential\)/)
  })
})
