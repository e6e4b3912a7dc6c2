import { describe, expect, it } from 'vitest'
import { bootFailureBehaviour, s6Value } from '@/lib/graph/overlay'

describe('s6-overlay settings', () => {
  it("reads a setting the design gives, else the release's default", () => {
    expect(s6Value({}, 'S6_KILL_GRACETIME', '3.2.0.2')).toBe('3000')
    expect(s6Value({ S6_KILL_GRACETIME: '500' }, 'S6_KILL_GRACETIME', '3.2.0.2')).toBe('500')
  })

  it('says what the container does when its boot fails (S6_BEHAVIOUR_IF_STAGE2_FAILS)', () => {
    const project = (value?: string) => ({
      overlayVersion: '3.2.0.2',
      ...(value === undefined ? {} : { s6Env: { S6_BEHAVIOUR_IF_STAGE2_FAILS: value } }),
    })
    const carriesOn = { value: 0, what: 'carries on' }
    expect(bootFailureBehaviour(project())).toEqual(carriesOn)
    expect(bootFailureBehaviour(project('0'))).toEqual(carriesOn)
    expect(bootFailureBehaviour(project('1'))).toEqual({
      value: 1,
      what: 'carries on, with a warning',
    })
    expect(bootFailureBehaviour(project('2'))).toEqual({ value: 2, what: 'stops' })
    // Not a value s6-overlay knows: its default.
    expect(bootFailureBehaviour(project('yes'))).toEqual(carriesOn)
  })
})
