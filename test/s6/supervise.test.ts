/**
 * The exported longruns under Debian's s6: each comes up, is restarted after a crash with its
 * finish script told the exit code, stops with its down-signal, is killed after timeout-kill
 * when it ignores the signal, and becomes ready only when its check passes.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFiles } from '@/lib/generate/export-files'
import { liveGraph } from './graphs'
import { poll, run, tempDir } from './helpers'
import { Supervision } from './supervision'

const flagDir = tempDir('flag')
const readyFlag = join(flagDir, 'ready')
const sv = new Supervision(exportFiles(liveGraph(readyFlag)), 'docker/s6')

beforeAll(() => sv.start())
afterAll(async () => {
  await sv.stop()
  rmSync(flagDir, { recursive: true, force: true })
})

const hasEvent = (line: string) => () => sv.events().includes(line)
const count = (line: string) => sv.events().filter((e) => e === line).length

describe('longruns under s6-supervise', () => {
  it('come up, through the exported run scripts (sh and execline)', async () => {
    for (const name of ['db', 'web']) {
      sv.svc('-u', name)
      expect(sv.wait('-u', name, 3000)).toBe(true)
      await poll(`${name} to start`, hasEvent(`start ${name}`))
      expect(sv.stat(name, 'up')).toEqual(['true'])
    }
  })

  it('stop with their down-signal, and finish runs', async () => {
    sv.svc('-d', 'web')
    expect(sv.wait('-D', 'web', 3000)).toBe(true)
    expect(sv.events()).toContain('signal web INT')
    await poll('web finish', () => sv.events().find((e) => e.startsWith('finish web ')))
  })

  it('are restarted after a crash; finish gets the exit code', async () => {
    sv.svc('-u', 'crashy')
    await poll('two starts of crashy', () => count('start crashy') >= 2, 5000)
    // finish gets the exit code first (s6 2.11 passes 0 as the signal of a plain exit).
    expect(sv.events().find((e) => e.startsWith('finish crashy'))).toMatch(/^finish crashy 3( 0)?$/)
    sv.svc('-d', 'crashy')
    expect(sv.wait('-D', 'crashy', 3000)).toBe(true)
  })

  it('are killed after timeout-kill when they ignore the down signal', async () => {
    sv.svc('-u', 'stubborn')
    await poll('stubborn to start', hasEvent('start stubborn'))
    const t0 = Date.now()
    sv.svc('-d', 'stubborn')
    expect(sv.wait('-D', 'stubborn', 5000)).toBe(true)
    const elapsed = Date.now() - t0
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(4000)
    // finish gets 256 and the signal number when the process was killed by a signal (SIGKILL).
    expect(sv.events()).toContain('finish stubborn 256 9')
  })

  it('with a readiness check: up at once, ready only once the check passes', async () => {
    expect(existsSync(readyFlag)).toBe(false)
    sv.svc('-u', 'ready')
    expect(sv.wait('-u', 'ready', 3000)).toBe(true)
    await poll('ready to start', hasEvent('start ready'))
    await new Promise((r) => setTimeout(r, 1200))
    expect(sv.stat('ready', 'up,ready')).toEqual(['true', 'false'])
    writeFileSync(readyFlag, '')
    expect(sv.wait('-U', 'ready', 4000)).toBe(true)
    expect(sv.stat('ready', 'up,ready')).toEqual(['true', 'true'])
  })
})

describe('s6-notifyoncheck -n 0 (the flags the exporter uses)', () => {
  it('keeps checking past the default 7 attempts', async () => {
    const dir = tempDir('noc')
    const scan = join(dir, 'scan')
    const svcDir = join(scan, 'n')
    const count = join(dir, 'count')
    run('mkdir', ['-p', join(svcDir, 'data')])
    writeFileSync(join(svcDir, 'notification-fd'), '3\n')
    writeFileSync(
      join(svcDir, 'run'),
      '#!/bin/sh\nexec s6-notifyoncheck -d -n 0 -w 10 sleep 60\n',
      { mode: 0o755 },
    )
    writeFileSync(
      join(svcDir, 'data/check'),
      `#!/bin/sh\nn=$(cat ${count} 2>/dev/null || echo 0); n=$((n + 1)); echo $n > ${count}; [ $n -ge 12 ]\n`,
      { mode: 0o755 },
    )
    const { spawn } = await import('node:child_process')
    const svscan = spawn('s6-svscan', [scan], { stdio: 'ignore' })
    try {
      await poll('supervise', () => run('s6-svok', [svcDir]).code === 0)
      expect(run('s6-svwait', ['-U', '-t', '5000', svcDir]).code).toBe(0)
      expect(Number(run('cat', [count]).stdout.trim())).toBeGreaterThanOrEqual(12)
    } finally {
      run('s6-svc', ['-d', svcDir])
      run('s6-svscanctl', ['-t', scan])
      await poll(
        'svscan exit',
        () => svscan.exitCode !== null || svscan.signalCode !== null,
        3000,
      ).catch(() => svscan.kill('SIGKILL'))
      run('rm', ['-rf', dir])
    }
  })
})
