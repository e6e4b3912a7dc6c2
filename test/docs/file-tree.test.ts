import { describe, expect, it } from 'vitest'
import { ancestors, buildFileTree } from '@/lib/docs/file-tree'

describe('buildFileTree', () => {
  it('nests paths, folders first, and merges folder chains', () => {
    expect(
      buildFileTree([
        'd/s6/rootfs/etc/web/run',
        'd/s6/Dockerfile',
        'd/s6/rootfs/etc/web/type',
        'README',
      ]),
    ).toEqual([
      {
        name: 'd/s6',
        path: 'd/s6',
        children: [
          {
            name: 'rootfs/etc/web',
            path: 'd/s6/rootfs/etc/web',
            children: [
              { name: 'run', path: 'd/s6/rootfs/etc/web/run' },
              { name: 'type', path: 'd/s6/rootfs/etc/web/type' },
            ],
          },
          { name: 'Dockerfile', path: 'd/s6/Dockerfile' },
        ],
      },
      { name: 'README', path: 'README' },
    ])
  })
})

describe('ancestors', () => {
  it('lists every folder on the way to a file', () => {
    expect(ancestors('a/b/c')).toEqual(['a', 'a/b'])
    expect(ancestors('top')).toEqual([])
  })
})
