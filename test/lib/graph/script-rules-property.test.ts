/**
 * The script rules read whatever a user types: any text, half-written quotes and here-documents
 * included. They never throw, and what they quote comes from the script itself.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { containerVariableMissed, uncheckedCd } from '@/lib/graph/rules/scripts'

/** Script-like text: shell words, quotes, operators, here-documents and line breaks mixed. */
const scriptText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'cd ',
        '/app',
        ' || exit 1',
        ' && ',
        ' ||',
        'exec app',
        'set -e',
        'set +e',
        'PORT=',
        '$PORT',
        '${PORT:-80}',
        '"',
        "'",
        '\\',
        '<<EOF',
        "<<'EOF'",
        'EOF',
        '#',
        ';',
        '\n',
        'for PORT in a b; do',
        'done',
        '$(',
        ')',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''))

describe('script rules on any text', () => {
  it('never throw; a cd they report is a cd of the script', () => {
    fc.assert(
      fc.property(scriptText, (body) => {
        const cd = uncheckedCd(body)
        if (cd !== undefined) {
          expect(cd.startsWith('cd')).toBe(true)
          expect(body.replace(/\\\r?\n/g, ' ')).toContain(cd)
        }
        const missed = containerVariableMissed(body, new Set(['PORT', 'HOME']), new Set())
        if (missed !== undefined) {
          expect(['PORT', 'HOME']).toContain(missed)
          expect(body).toContain(missed)
        }
      }),
      { numRuns: 500 },
    )
  })
})
