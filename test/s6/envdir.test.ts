/**
 * Per-service variables reach the process exactly: the exported run script (sh, bash, execline)
 * loads env/ with Debian's real s6-envdir, and a stub prints the environment it gets.
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportFiles } from '@/lib/generate/export-files'
import type { EnvVar } from '@/lib/graph/types'
import { graphOf, longrun } from '../fixtures/graphs'
import { fakeBin, localize, run, tempDir, writeFiles } from './helpers'

const VALUES: Record<string, string> = {
  PLAIN: 'plain',
  QUOTES: `with "double" and 'single' quotes`,
  SHELLISH: '$HOME ${PATH} `uname` $(id) ; && |',
  BACKSLASH: 'back\\slash \\n not a newline\\',
  TWO_LINES: 'first\nsecond',
  FINAL_NEWLINE: 'ends with a newline\n',
  ONLY_NEWLINE: '\n',
  TRAILING_BLANKS: 'trailing blanks  \t',
  LEADING_BLANKS: '  leading blanks',
  UNICODE: 'é ü 日本 🎉',
  EMPTY: '',
  HASH: '# not a comment',
  EQUALS: 'a=b=c',
}

const tmp = tempDir('env')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function envOf(dump: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of dump.split('\0').slice(0, -1)) {
    const eq = entry.indexOf('=')
    out.set(entry.slice(0, eq), entry.slice(eq + 1))
  }
  return out
}

describe('env/ through s6-envdir -Lf', () => {
  const env: EnvVar[] = [
    ...Object.entries(VALUES).map(([name, value]) => ({ name, value })),
    { name: 'OVERRIDDEN', value: 'from the service' },
    { name: 'SECRET', value: 'never written', secret: true },
  ]
  const graph = graphOf({
    shsvc: longrun({ run: { language: 'sh', body: 'exec dump-env' }, env }),
    elsvc: longrun({ run: { language: 'execline', body: 'dump-env' }, env }),
    // bash-only syntax: the re-execution through s6-envdir must run bash again, not sh.
    bashsvc: longrun({
      run: { language: 'bash', body: 'set -euo pipefail\n[[ -n "$PLAIN" ]]\nexec dump-env' },
      env,
    }),
    producer: longrun({
      run: { language: 'sh', body: 'exec dump-env' },
      env,
      producerFor: 'logger',
    }),
    logger: longrun({ consumerFor: ['producer'] }),
  })
  const files = exportFiles(graph)
  writeFiles(tmp, files)
  const bin = fakeBin(join(tmp, 'bin'))
  const rootfs = join(tmp, 'docker/s6/rootfs')
  localize(rootfs, bin)

  for (const name of ['shsvc', 'elsvc', 'bashsvc', 'producer']) {
    it(`${name}: the process sees every value exactly, service values over container ones`, () => {
      const dir = join(rootfs, 'etc/s6-overlay/s6-rc.d', name)
      const out = join(tmp, `${name}.env`)
      const r = run(join(dir, 'run'), [], {
        cwd: dir,
        env: {
          PATH: `${bin}:/usr/bin:/bin`,
          S6D_TEST_ENV_OUT: out,
          OVERRIDDEN: 'from the container',
          SECRET: 'from the container',
        },
      })
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const seen = envOf(readFileSync(out, 'utf8'))
      for (const [k, v] of Object.entries(VALUES)) expect(seen.get(k), k).toBe(v)
      expect(seen.get('OVERRIDDEN')).toBe('from the service')
      expect(seen.get('SECRET')).toBe('from the container')
      expect(seen.has('S6_DESIGNER_WRAPPED')).toBe(false)
    })
  }

  it('plain s6-envdir (no -Lf) would not: it keeps the first line and trims trailing blanks', () => {
    const dir = join(rootfs, 'etc/s6-overlay/s6-rc.d/shsvc/env')
    const r = run('s6-envdir', [dir, 'env', '-0'])
    const seen = envOf(r.stdout)
    expect(seen.get('TWO_LINES')).toBe('first')
    expect(seen.get('TRAILING_BLANKS')).toBe('trailing blanks')
  })
})
