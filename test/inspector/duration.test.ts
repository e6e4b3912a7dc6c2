/** What the inspector's time fields accept: whole ms, typed in ms or s. */
import { describe, expect, it } from 'vitest'
import { parseDuration } from '@/components/inspector/duration-field'

describe('parseDuration', () => {
  it('reads seconds and milliseconds, empty as not set', () => {
    expect(parseDuration('1.5', 's')).toEqual({ ms: 1500 })
    expect(parseDuration(' 250 ', 'ms')).toEqual({ ms: 250 })
    expect(parseDuration('0', 's')).toEqual({ ms: 0 })
    expect(parseDuration('', 's')).toEqual({ ms: undefined })
  })

  it('refuses text, negatives, too long and what rounds to 0 ms', () => {
    expect(parseDuration('-3', 's')).toHaveProperty('error')
    expect(parseDuration('ten', 'ms')).toHaveProperty('error')
    expect(parseDuration('5000000', 's')).toHaveProperty('error', expect.stringMatching(/too long/))
    expect(parseDuration('5000000', 'ms')).toEqual({ ms: 5_000_000 })
    expect(parseDuration('0.0001', 's')).toHaveProperty(
      'error',
      expect.stringMatching(/under 1 ms/),
    )
    expect(parseDuration('0.4', 'ms')).toHaveProperty('error')
  })
})
