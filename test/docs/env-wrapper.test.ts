import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScriptLines } from '@/lib/generate/scripts'

const page = readFileSync(
  join(process.cwd(), 'content', 'docs', 'environment-variables.mdx'),
  'utf8',
)

/** The lines of the fenced block with this title on the page. */
function block(title: string): string[] {
  const m = new RegExp('```\\w+ title="' + title + '"\\n([\\s\\S]*?)\\n```').exec(page)
  if (!m?.[1]) throw new Error(`no block titled ${title}`)
  return m[1].split('\n')
}

describe('the environment page', () => {
  it('shows the run script the export writes for a service with env/ and a ready check', () => {
    const shown = block('s6-rc.d/worker/run')
    const body = shown.slice(3).join('\n')
    const exported = runScriptLines(
      { language: 'sh', body },
      { withContenv: true, joinStderr: false, envdir: true, notifyOnCheck: true },
    )
    expect(shown).toEqual(exported)
  })
})
