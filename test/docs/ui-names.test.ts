import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocSource } from '@/lib/docs/content'
import { DOCS_NAV, docPages } from '@/lib/docs/nav'
import { labelMatcher, uiNames } from '@/lib/docs/ui-names'

/**
 * The designer's source files whose text the user sees: every component except the docs
 * site's own chrome (the live examples in components/docs/live stay: the guide names their
 * checkboxes too).
 */
function componentSources(): string[] {
  const root = join(process.cwd(), 'components')
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      const rel = relative(root, path)
      if (entry.isDirectory()) {
        walk(path)
      } else if (/\.tsx?$/.test(entry.name) && !/^docs\/[^/]+$/.test(rel)) {
        out.push(readFileSync(path, 'utf8'))
      }
    }
  }
  walk(root)
  return out
}

describe('uiNames', () => {
  it('finds bold names presented as controls, and leaves emphasis alone', () => {
    const found = uiNames(
      [
        'Select a longrun and choose **Add logger**. List only **direct** dependencies.',
        'Each service has a **Container environment** field; the project setting **Depend on base** is on.',
        '| **Kill after**<br />`timeoutKill` | never |',
        'Its **Stop timeout** (`timeoutDown`) limits it. **Cycles.** are refused.',
        '```',
        'click **Nothing** in code',
        '```',
      ].join('\n'),
    ).map((u) => u.name)
    expect(found).toEqual([
      'Add logger',
      'Container environment',
      'Depend on base',
      'Kill after',
      'Stop timeout',
    ])
  })

  it('matches labels written as template literals and JSX with expressions', () => {
    const has = labelMatcher([
      "label: selected ? `Logger for ${selected}` : 'x',",
      '  {e.from} <span className="toggle-arrow">needs</span> {e.to}',
      '<Switch label="Run with with-contenv" />',
    ])
    expect(has('Logger for web')).toBe(true)
    expect(has('web needs config-check')).toBe(true)
    expect(has('Run with with-contenv')).toBe(true)
    expect(has('Add logger')).toBe(false)
    expect(has('With container environment')).toBe(false)
  })
})

describe('the guide', () => {
  it('names only controls the designer has', () => {
    const has = labelMatcher(componentSources())
    const missing: string[] = []
    for (const page of docPages(DOCS_NAV))
      for (const use of uiNames(readDocSource(page)))
        if (!has(use.name)) missing.push(`${page.file}.mdx:${use.line} **${use.name}**`)
    expect(missing).toEqual([])
  })
})
