/**
 * The s6-rc-compile 0.5.4.1 cases beside FORMAT.md: reading each tree and validating it in the
 * s6-overlay context must give at least one error exactly when the real compiler refused it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readTreeInput } from '@/cli/fs'
import { readTree } from '@/lib/graph/read-tree'
import { validate } from '@/lib/graph/validate'

const CASES = '/work/shared/s6/cases'
const index: Record<string, { compiles: boolean; message: string }> = existsSync(
  join(CASES, 'index.json'),
)
  ? JSON.parse(readFileSync(join(CASES, 'index.json'), 'utf8'))
  : {}

describe.runIf(Object.keys(index).length > 0)('validate: s6-rc-compile cases', () => {
  for (const [name, expected] of Object.entries(index)) {
    it(`${expected.compiles ? 'accepts' : 'refuses'} ${name}`, async () => {
      const input = await readTreeInput(join(CASES, name, 's6-rc.d'))
      const read = readTree(input, { context: 'overlay' })
      const errors = [...read.diagnostics, ...validate(read.graph)].filter(
        (d) => d.severity === 'error',
      )
      if (expected.compiles) expect(errors).toEqual([])
      else expect(errors.length, `s6-rc-compile said: ${expected.message}`).toBeGreaterThan(0)
    })
  }
})
