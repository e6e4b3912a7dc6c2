import { describe, expect, it } from 'vitest'
import { findServices } from '@/lib/graph/find-services'
import { graphOf, longrun, oneshot } from '../../fixtures/graphs'

describe('findServices', () => {
  const graph = graphOf({
    worker: longrun({ run: { language: 'sh', body: 'exec bin/ots worker' } }),
    web: longrun({
      description: 'Front web server',
      run: { language: 'sh', body: 'cd /app\nexec puma -C config/puma.rb' },
      env: [
        { name: 'DB_PASSWORD', value: 'hunter2', secret: true },
        { name: 'PUMA_WORKERS', value: '2' },
      ],
      readiness: { notificationFd: 3, check: 'nc -z 127.0.0.1 3000' },
    }),
    migrate: oneshot({ up: { language: 'sh', body: 'set -e\nphp artisan migrate --force' } }),
  })
  const names = (q: string) => findServices(graph, q).map((f) => f.name)

  it('ranks names: exact, prefix, part, letters in order', () => {
    expect(names('web')).toEqual(['web'])
    expect(names('w')).toEqual(['web', 'worker'])
    expect(names('wkr')).toEqual(['worker'])
    expect(findServices(graph, 'WORK')[0]).toEqual({ name: 'worker', type: 'longrun', score: 1 })
  })

  it('finds what a service holds, says where, and names the field to open', () => {
    expect(findServices(graph, 'artisan')).toEqual([
      {
        name: 'migrate',
        type: 'oneshot',
        score: 4,
        where: 'up script: php artisan migrate --force',
        field: 'up',
      },
    ])
    expect(findServices(graph, 'puma.rb')[0]).toMatchObject({
      name: 'web',
      where: 'run script: exec puma -C config/puma.rb',
      field: 'run',
    })
    expect(findServices(graph, 'front')[0]).toMatchObject({ field: 'description' })
    expect(findServices(graph, 'db_pass')[0]).toMatchObject({ field: 'env.0.name' })
    expect(findServices(graph, 'nc -z')[0]).toMatchObject({ field: 'readiness.check' })
    // Names come before content (PUMA_WORKERS), and a secret's value is never searched.
    expect(findServices(graph, 'worker').map((f) => [f.name, f.score])).toEqual([
      ['worker', 0],
      ['web', 4],
    ])
    expect(findServices(graph, 'ots')).toEqual([
      expect.objectContaining({ name: 'worker', field: 'run' }),
    ])
    expect(names('hunter2')).toEqual([])
    expect(names('x')).toEqual([])
  })
})
