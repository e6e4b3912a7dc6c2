import { describe, expect, it } from 'vitest'
import { bodyLines, directoriesOf, lines, sortFileMap, toLf } from '@/lib/generate/file-map'
import { code, duration, firstSentence, listing, text } from '@/lib/generate/readme/markdown'
import {
  isSafeEnvName,
  isSafeName,
  isSafeRelativePath,
  normalizeRepoDir,
} from '@/lib/generate/safe-path'
import { execlineWord, shellWord } from '@/lib/generate/scripts'

describe('file-map helpers', () => {
  it('lines adds exactly one trailing newline; none for no lines', () => {
    expect(lines(['a', 'b'])).toBe('a\nb\n')
    expect(lines([])).toBe('')
  })

  it('toLf and bodyLines normalise line endings and drop trailing blank lines', () => {
    expect(toLf('a\r\nb\rc\n')).toBe('a\nb\nc\n')
    expect(bodyLines('x\r\n\r\n\n')).toEqual(['x'])
    expect(bodyLines('')).toEqual([])
    expect(bodyLines('  keep leading\n\nand inner blank')).toEqual([
      '  keep leading',
      '',
      'and inner blank',
    ])
  })

  it('sorts by code point and lists every parent folder', () => {
    const m = sortFileMap(
      new Map([
        ['b', { contents: '', executable: false }],
        ['a-c', { contents: '', executable: false }],
        ['a/b', { contents: '', executable: false }],
      ]),
    )
    expect([...m.keys()]).toEqual(['a-c', 'a/b', 'b'])
    expect(directoriesOf(['x/y/z', 'x/w', 'v'])).toEqual(['x', 'x/y'])
  })
})

describe('safe paths', () => {
  it('refuses names that could leave a folder or confuse s6-rc', () => {
    for (const bad of [
      '',
      '.',
      '..',
      '.x',
      'a/b',
      'a\\b',
      'a\0',
      'a\nb',
      'tab\t',
      'x'.repeat(256),
    ]) {
      expect(isSafeName(bad), JSON.stringify(bad)).toBe(false)
    }
    for (const ok of ['web', 'Mixed_9', 'a-b.c', 'é']) expect(isSafeName(ok)).toBe(true)
    expect(isSafeEnvName('A=B')).toBe(false)
    expect(isSafeRelativePath('data/a/b')).toBe(true)
    expect(isSafeRelativePath('data/../x')).toBe(false)
    expect(isSafeRelativePath('/etc/passwd')).toBe(false)
    expect(normalizeRepoDir('./docker//s6/')).toBe('docker/s6')
    expect(normalizeRepoDir('')).toBe('')
    expect(normalizeRepoDir('a/../b')).toBeUndefined()
    expect(normalizeRepoDir('/abs')).toBeUndefined()
  })
})

describe('quoting', () => {
  it('execline words: bare when safe, else double-quoted', () => {
    expect(execlineWord('/etc/s6-overlay/scripts/web')).toBe('/etc/s6-overlay/scripts/web')
    expect(execlineWord('a b"c\\')).toBe('"a b\\"c\\\\"')
  })

  it('shell words: bare when safe, else single-quoted', () => {
    expect(shellWord('http://x/y')).toBe('http://x/y')
    expect(shellWord("it's $x")).toBe("'it'\\''s $x'")
  })

  it('Markdown text and code', () => {
    expect(text('a|b *c* <d>')).toBe('a\\|b \\*c\\* &lt;d&gt;')
    expect(text('line\nbreak')).toBe('line break')
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`x`')).toBe('`` `x` ``')
    expect(firstSentence('One. Two.')).toBe('One.')
    expect(duration(500)).toBe('500 ms')
    expect(duration(1500)).toBe('1.5 s')
    expect(listing(['a', 'b', 'c'])).toBe('a, b and c')
  })
})
