import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportResult } from '@/lib/generate/export-files'
import { unsaidProblems } from '@/lib/generate/unsaid-problems'
import type { Diagnostic } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'

const d = (code: string, service?: string): Diagnostic => ({
  code,
  severity: 'error',
  message: code,
  ...(service ? { service } : {}),
})

describe('unsaidProblems', () => {
  it('drops what validation said already (same code, same service), keeps the rest', () => {
    const found = [d('export-healthcheck-url'), d('script-no-exec', 'web')]
    const problems = [
      d('export-healthcheck-url'),
      d('script-no-exec', 'worker'),
      d('export-unsafe-name', 'web'),
    ]
    expect(unsaidProblems(found, problems).map((p) => `${p.code} ${p.service ?? ''}`)).toEqual([
      'script-no-exec worker',
      'export-unsafe-name web',
    ])
  })

  it('says a health-check URL with a blank once, though validation and the export both see it', () => {
    const ref = exampleById('reference')!.graph
    const graph = {
      ...ref,
      project: {
        ...ref.project,
        healthcheck: {
          services: ['web'],
          url: 'http://x/ y',
          intervalS: 30,
          timeoutS: 5,
          startPeriodS: 10,
          retries: 3,
        },
      },
    }
    const found = validate(graph)
    const { problems } = exportResult(graph)
    const all = [...found, ...unsaidProblems(found, problems)]
    expect(problems.filter((p) => p.code === 'export-healthcheck-url')).toHaveLength(1)
    expect(all.filter((p) => p.code === 'export-healthcheck-url')).toHaveLength(1)
  })
})
