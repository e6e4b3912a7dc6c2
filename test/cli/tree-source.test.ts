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
  it('names each file once, whether it is given from the service or from the tree root', () => {
    const text = formatDiagnostics([
      { code: 'a', severity: 'warning', service: 'web', file: 'run', message: 'm1' },
      { code: 'b', severity: 'warning', service: 'web', file: 'web/finish', message: 'm2' },
      { code: 'c', severity: 'warning', service: 'cron', file: 'cron', message: 'm3' },
      {
        code: 'd',
        severity: 'warning',
        service: 'init',
        file: 'etc/cont-init.d/init',
        message: 'm4',
      },
    ])
    expect(text).toContain('  web/run  m1')
    expect(text).toContain('  web/finish  m2')
    expect(text).toContain('  cron  m3')
    expect(text).toContain('  etc/cont-init.d/init  m4')
    expect(text).not.toMatch(/web\/web|cron\/cron|init\/etc/)
  })
})
