/**
 * The Dockerfile's chmod RUN, executed by sh on the exported rootfs with every mode lost (a
 * checkout on Windows): the scripts and the design's own executable files under data/ get 0755
 * back, the other files keep 0644 (found by an export review: an executable extra file other
 * than data/check was missing from the chmod, so such a checkout shipped it unusable).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportFiles } from '@/lib/generate/export-files'
import { graphOf, longrun } from '../../fixtures/graphs'

const tmp = mkdtempSync(join(tmpdir(), 's6d-chmod-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const ROOTFS = 'docker/s6/rootfs'

describe('the Dockerfile chmod', () => {
  it('makes the scripts and executable data files executable again, and nothing else', () => {
    const graph = graphOf({
      web: longrun({
        readiness: { notificationFd: 3, check: 'test -S /run/web.sock' },
        timeoutUp: 30_000,
        extraFiles: [
          { path: 'data/rotate', contents: '#!/bin/sh\necho rotate\n', executable: true },
          { path: 'data/settings.conf', contents: 'a=1\n' },
        ],
      }),
    })
    const files = exportFiles(graph)
    for (const [path, file] of files) {
      if (!path.startsWith(`${ROOTFS}/`)) continue
      const target = join(tmp, path.slice(ROOTFS.length))
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, file.contents)
      chmodSync(target, 0o644)
    }
    const dockerfile = files.get('docker/s6/Dockerfile')!.contents
    const run = dockerfile.split('\n').find((l) => l.startsWith('RUN find '))!
    // The paths are the image's: run it from the copy's root, with relative paths.
    const command = run
      .slice('RUN '.length)
      .replaceAll(' /etc/', ' etc/')
      .replaceAll("'/etc/", "'etc/")
    const r = spawnSync('sh', ['-c', command], { cwd: tmp, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const mode = (p: string) => statSync(join(tmp, 'etc/s6-overlay/s6-rc.d/web', p)).mode & 0o777
    expect(mode('run')).toBe(0o755)
    expect(mode('data/check')).toBe(0o755)
    expect(mode('data/rotate')).toBe(0o755)
    expect(mode('data/settings.conf')).toBe(0o644)
    expect(mode('type')).toBe(0o644)
  })
})
