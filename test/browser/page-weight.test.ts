/**
 * The designer's page-weight budget, from the production build (bytes are stable, so this is a
 * test). The docs pages' budget is reported by `npm run bench` (bench/page-weight.ts).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { initialScriptBytes, OUT } from '../../bench/page-weight'

describe('page weight', () => {
  it('loads at most 250 KB gzip of JavaScript before the designer is interactive', () => {
    expect(existsSync(join(OUT, 'index.html')), 'run `npm run build` first').toBe(true)
    const { total, files } = initialScriptBytes('index.html')
    expect(files.length).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(250 * 1024)
  })
})
