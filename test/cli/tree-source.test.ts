import { describe, expect, it } from 'vitest'
import { projectNameFor } from '@/cli/tree-source'

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
