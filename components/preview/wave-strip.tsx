'use client'

import { Fragment, memo, useState } from 'react'
import type { TimelineEntry } from '@/lib/plan/plan'
import type { ServiceActions } from './use-service-actions'

/** Chips shown per wave before "+N more" (big designs), which shows the rest. */
const PER_WAVE = 8

/**
 * The waves side by side: what starts together, left to right. Each wave is a column of chips
 * coloured by type; s6-overlay's own services are dimmed, the critical path is outlined.
 */
export const WaveStrip = memo(function WaveStrip({
  waves,
  entries,
  actions,
  selected,
  hovered,
  verb,
}: {
  waves: string[][]
  entries: ReadonlyMap<
    string,
    Pick<TimelineEntry, 'type' | 'overlay' | 'critical'> &
      Partial<Pick<TimelineEntry, 'timedOut' | 'blockedBy'>>
  >
  actions: ServiceActions
  selected: ReadonlySet<string>
  hovered: string | undefined
  /** "start" or "stop". */
  verb: string
}) {
  // The waves shown whole, by position ("+N more" pressed).
  const [whole, setWhole] = useState<ReadonlySet<number>>(new Set())
  const toggle = (i: number) =>
    setWhole((open) => {
      const next = new Set(open)
      if (!next.delete(i)) next.add(i)
      return next
    })
  return (
    <ol className="waves" aria-label={`Waves: services that ${verb} together`}>
      {waves.map((wave, i) => (
        <Fragment key={i}>
          {i > 0 ? (
            <li className="wave-arrow" aria-hidden="true">
              →
            </li>
          ) : null}
          <li className="wave">
            <span className="wave-title">
              {i + 1}
              <span className="wave-count">{wave.length > 1 ? `${wave.length} together` : ''}</span>
            </span>
            <span className="wave-chips">
              {(whole.has(i) ? wave : wave.slice(0, PER_WAVE)).map((name) => {
                const e = entries.get(name)
                const own = actions.isOwn(name)
                const cls = [
                  'wave-chip',
                  `is-${e?.type ?? 'longrun'}`,
                  e?.overlay ? 'is-overlay' : '',
                  e?.critical ? 'is-critical' : '',
                  e?.timedOut ? 'is-failed' : '',
                  e?.blockedBy !== undefined ? 'is-blocked' : '',
                  selected.has(name) ? 'is-selected' : '',
                  hovered === name ? 'is-hovered' : '',
                ]
                  .filter(Boolean)
                  .join(' ')
                return own ? (
                  <button
                    key={name}
                    type="button"
                    className={cls}
                    onMouseEnter={() => actions.hover(name)}
                    onMouseLeave={() => actions.hover(undefined)}
                    onClick={() => actions.select(name)}
                    {...(e?.timedOut
                      ? { title: 'Its start fails: see below' }
                      : e?.blockedBy !== undefined
                        ? { title: `Never started: ${e.blockedBy}'s start fails` }
                        : {})}
                  >
                    {name}
                  </button>
                ) : (
                  <span key={name} className={cls} title="One of s6-overlay's own services">
                    {name}
                  </span>
                )
              })}
              {wave.length > PER_WAVE ? (
                <button
                  type="button"
                  className="wave-more"
                  aria-expanded={whole.has(i)}
                  onClick={() => toggle(i)}
                >
                  {whole.has(i) ? 'Show fewer' : `+${wave.length - PER_WAVE} more`}
                </button>
              ) : null}
            </span>
          </li>
        </Fragment>
      ))}
    </ol>
  )
})
