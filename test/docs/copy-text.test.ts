import { describe, expect, it } from 'vitest'
import { copyText } from '@/lib/docs/copy-text'

describe('copyText', () => {
  it('copies a console block as its commands, without prompts or output', () => {
    const shown = '$ npm run --silent cli -- lint /tmp/bad\n/tmp/bad: 1 service\n\n1 error\n'
    expect(copyText('console', shown)).toBe('npm run --silent cli -- lint /tmp/bad')
    expect(copyText('console', '$ a \\\n  --flag\nout\n$ b\n')).toBe('a \\\n  --flag\nb')
  })

  it('copies any other block as shown, and a console block without prompts too', () => {
    expect(copyText('sh', '$HOME/bin/x\n')).toBe('$HOME/bin/x')
    expect(copyText(undefined, 'a\nb\n')).toBe('a\nb')
    expect(copyText('console', 'no prompt here\n')).toBe('no prompt here')
  })
})
