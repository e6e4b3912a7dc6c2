/**
 * `export` does not overwrite or remove work it did not write (found by an export review: into
 * a hand-written docker/s6 it removed the user's service folders as "left by an earlier
 * export", replaced README.md and Dockerfile, and exited 0), and says the design's warnings.
 */
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
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
    // Its own earlier export, unchanged: written again without a word.
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
  })

  it('refuses to write over files changed since its own earlier export, naming them, unless --replace', async () => {
    const dir = await treeDir({})
    expect((await runCli(['export', REFERENCE, '--out', dir])).code).toBe(0)
    const run = join(dir, 'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/web/run')
    const added = join(dir, 'docker/s6/rootfs/etc/s6-overlay/s6-rc.d/by-hand')
    await writeFile(join(dir, 'docker/s6/README.md'), 'edited\n')
    await writeFile(run, `${await readFile(run, 'utf8')}# tuned by hand\n`)
    await mkdir(added)
    await writeFile(join(added, 'type'), 'longrun\n')
    // A link left there is no export's either; --replace removes it, never what it points to.
    await mkdir(join(dir, 'outside'))
    await writeFile(join(dir, 'outside/secret.txt'), 'keep\n')
    await symlink(join(dir, 'outside'), join(dir, OVERLAY, 's6-rc.d/linked'))
    const r = await runCli(['export', REFERENCE, '--out', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('holds changes made since its last export')
    expect(r.stderr).toMatch(/it would replace:\n {2}docker\/s6\/README\.md\n {2}\S+\/web\/run\n/)
    expect(r.stderr).toMatch(/it would remove:\n {2}\S+\/s6-rc\.d\/by-hand\/\n {2}\S+\/linked\n/)
    expect(r.stderr).toContain('add --replace')
    expect(await readFile(join(dir, 'docker/s6/README.md'), 'utf8')).toBe('edited\n')
    expect(await readFile(run, 'utf8')).toMatch(/# tuned by hand\n$/)
    expect(existsSync(join(added, 'type'))).toBe(true)
    const replaced = await runCli(['export', REFERENCE, '--out', dir, '--replace'])
    expect(replaced.code).toBe(0)
    // What goes is not called the earlier export's.
    expect(replaced.stdout).toContain('removed 2 files not in the design (--replace):')
    expect(existsSync(added)).toBe(false)
    await expect(lstat(join(dir, OVERLAY, 's6-rc.d/linked'))).rejects.toThrow(/ENOENT/)
    expect(await readFile(join(dir, 'outside/secret.txt'), 'utf8')).toBe('keep\n')
    expect(await readFile(run, 'utf8')).not.toMatch(/by hand/)
  })

  it('says in words why a file cannot be written, not with an errno', async () => {
    const dir = await treeDir({ 'taken.zip/keep': 'a folder named like a zip\n' })
    const folder = await runCli(['export', REFERENCE, '--out', join(dir, 'taken.zip')])
    expect(folder.code).toBe(2)
    expect(folder.stderr).toMatch(/cannot write \S*taken\.zip: it is a folder\n$/)
    const proc = await runCli(['export', REFERENCE, '--out', '/proc/s6-designer-test.zip'])
    expect(proc.code).toBe(2)
    expect(proc.stderr).toContain('this file system does not allow new files there')
    expect(proc.stderr).not.toMatch(/ENOENT|EISDIR/)
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
