import { describe, expect, it } from 'vitest'
import { S6_SETTING_NOTES } from '@/lib/docs/s6-setting-notes'
import { S6_SETTINGS } from '@/lib/graph/overlay'

describe('S6 setting notes', () => {
  it('only annotate settings the table shows', () => {
    const names = new Set(S6_SETTINGS.map((s) => s.name))
    for (const name of Object.keys(S6_SETTING_NOTES)) expect(names).toContain(name)
  })

  it('say that the README and the code disagree on S6_KILL_FINISH_MAXTIME (FORMAT §5)', () => {
    expect(S6_SETTINGS.find((s) => s.name === 'S6_KILL_FINISH_MAXTIME')?.default).toBe('0')
    expect(S6_SETTING_NOTES.S6_KILL_FINISH_MAXTIME).toMatch(/README.*5000/)
  })

  it('name every case S6_BEHAVIOUR_IF_STAGE2_FAILS=2 stops the container for, where the inspector shows it too', () => {
    const text = S6_SETTINGS.find((s) => s.name === 'S6_BEHAVIOUR_IF_STAGE2_FAILS')?.meaning ?? ''
    for (const word of ['oneshot', 'readiness', 'cont-init', 'S6_STAGE2_HOOK'])
      expect(text).toContain(word)
  })
})
