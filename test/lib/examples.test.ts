/**
 * The built-in examples: every file in content/examples is offered (an example that does not
 * parse would be dropped silently), and the designer still opens on the reference example.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_EXAMPLE_ID, builtinExamples } from '@/lib/examples'

const files = readdirSync(join(process.cwd(), 'content/examples'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

describe('builtinExamples', () => {
  it('offers every example file, each parsed, with a title and a description', () => {
    const examples = builtinExamples()
    expect(examples.map((e) => e.id).sort()).toEqual(files)
    for (const e of examples) {
      expect(e.title, e.id).not.toBe('')
      expect(e.description, e.id).toMatch(/\.$/)
    }
  })

  it('lists the reference example first and opens on it; the starter comes next', () => {
    expect(DEFAULT_EXAMPLE_ID).toBe('reference')
    expect(
      builtinExamples()
        .map((e) => e.id)
        .slice(0, 2),
    ).toEqual(['reference', 'starter'])
  })
})
