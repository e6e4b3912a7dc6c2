import { describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli'
import { treeDir, VALID } from './tree-dir'

describe('the s6-designer process', () => {
  it('exits quietly when its reader goes away (| head)', async () => {
    const r = await spawnCli(['plan', 'content/examples/reference.json'], { closeStdout: true })
    expect(r.stderr).toBe('')
    expect(r.signal).toBeNull()
    expect(r.code).toBe(0)
  }, 30_000)

  it('keeps the exit status of a command whose output was cut short', async () => {
    const dir = await treeDir({ ...VALID, 'init/type': 'Oneshot\n' })
    const r = await spawnCli(['lint', dir], { closeStdout: true })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
  }, 30_000)
})
