'use client'

import { useEffect, useRef, useState } from 'react'
import { Icon } from '@/components/ui/icons'
import { selectProblemCounts } from '@/lib/store/selectors'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'
import { showProblems } from './show-problems'

/**
 * Says the new totals to screen readers when they change (not when the page opens): a live
 * region that stays mounted, its text replaced.
 */
function useAnnouncement(label: string): string {
  const [said, setSaid] = useState('')
  const first = useRef(label)
  useEffect(() => {
    if (label !== first.current) setSaid(`Problems: ${label}.`)
  }, [label])
  return said
}

/** Error and warning totals; opens the problems panel. */
export function ProblemCounter() {
  const store = useEditorStoreApi()
  const counts = useEditorStore(selectProblemCounts)
  const clean = counts.errors === 0 && counts.warnings === 0
  // Notes (an unbounded stop, a hint) are not problems, but the previews show some of them: say
  // they are there, so "No problems" never reads as "nothing to look at".
  const notes = `${counts.infos} note${counts.infos === 1 ? '' : 's'}`
  const label = clean
    ? `No problems${counts.infos > 0 ? `, ${notes}` : ''}`
    : `${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`
  const said = useAnnouncement(label)
  return (
    <>
      <span className="sr-only" role="status" aria-live="polite">
        {said}
      </span>
      <button
        type="button"
        className={`problem-counter${clean ? ' is-clean' : ''}`}
        aria-label={`${label}. Show problems.`}
        title={label}
        data-errors={counts.errors}
        data-warnings={counts.warnings}
        onClick={() => showProblems(store)}
      >
        {clean ? (
          <>
            <Icon name="check" size={14} className="pc-ok" />
            <span>No problems</span>
            {counts.infos > 0 ? <span className="pc-notes">· {notes}</span> : null}
          </>
        ) : (
          <>
            <span className={`pc-item${counts.errors ? ' pc-error' : ''}`}>
              <Icon name="error" size={14} />
              {counts.errors}
            </span>
            <span className={`pc-item${counts.warnings ? ' pc-warning' : ''}`}>
              <Icon name="warning" size={14} />
              {counts.warnings}
            </span>
          </>
        )}
      </button>
    </>
  )
}
