import { describe, expect, it } from 'vitest'
import { formatDiagnostics, projectNameFor } from '@/cli/tree-source'

describe('projectNameFor', () => {
  it('takes the first folder up the path that names the project', () => {
    expect(projectNameFor('/srv/My Shop/docker/s6/rootfs/etc/s6-overlay/s6-rc.d')).toBe('my-shop')
    expect(projectNameFor('/work/billing/etc/s6-overlay/user-bundles.d')).toBe('billing')
    expect(projectNameFor('/work/api')).toBe('api')
  })

  it('gives nothing when only generic folders are left', () => {
    expect(projectNameFor('/s6-rc.d')).toBeUndefined()
  })
})

describe('formatDiagnostics', () => {
  it('names each file once: from the s6-rc.d folder read when it is in it, else from the top', () => {
    const source = 'etc/s6-overlay/s6-rc.d'
    const text = formatDiagnostics(
      [
        {
          code: 'a',
          severity: 'warning',
          service: 'web',
          file: 'run',
          path: `${source}/web/run`,
          message: 'm1',
        },
        {
          code: 'b',
          severity: 'warning',
          service: 'web',
          file: `${source}/web/finish`,
          path: `${source}/web/finish`,
          message: 'm2',
        },
        {
          code: 'c',
          severity: 'warning',
          service: 'init',
          file: 'etc/cont-init.d/init',
          path: 'etc/cont-init.d/init',
          message: 'm3',
        },
        // A check of the design: a file in its service's folder, with no path of its own.
        { code: 'd', severity: 'warning', service: 'db', file: 'timeout-kill', message: 'm4' },
      ],
      source,
    )
    expect(text).toContain('  web/run  m1')
    expect(text).toContain('  web/finish  m2')
    expect(text).toContain('  etc/cont-init.d/init  m3')
    expect(text).toContain('  db/timeout-kill  m4')
    expect(text).not.toMatch(/web\/etc|init\/etc/)
  })
})
