'use client'

import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import type { ShutdownFix, ShutdownVerdict } from '@/lib/preview/shutdown-advice'
import { formatMs } from '@/lib/preview/time-scale'

const FIELD_WORDS = {
  timeoutKill: 'timeout-kill',
  timeoutFinish: 'timeout-finish',
  timeoutDown: 'timeout-down',
} as const

function Fix({ fix }: { fix: ShutdownFix }) {
  const store = useEditorStoreApi()
  const focus = (field: string, service?: string) => store.getState().requestFocus(field, service)
  switch (fix.kind) {
    case 'set-timeout-kill':
    case 'set-timeout-finish':
    case 'set-timeout-down': {
      const field =
        fix.kind === 'set-timeout-kill'
          ? 'timeoutKill'
          : fix.kind === 'set-timeout-finish'
            ? 'timeoutFinish'
            : 'timeoutDown'
      return (
        <li>
          <button type="button" className="fix-link" onClick={() => focus(field, fix.service)}>
            Set {FIELD_WORDS[field]} on <code>{fix.service}</code>
          </button>{' '}
          so it cannot wait forever.
        </li>
      )
    }
    case 'lower-timeout':
      return (
        <li>
          <button type="button" className="fix-link" onClick={() => focus(fix.field, fix.service)}>
            Lower {FIELD_WORDS[fix.field]} on <code>{fix.service}</code>
          </button>{' '}
          (now {formatMs(fix.ms)}).
        </li>
      )
    case 'lower-kill-grace':
      return (
        <li>
          <button
            type="button"
            className="fix-link"
            onClick={() => focus('s6Env.S6_KILL_GRACETIME')}
          >
            Lower S6_KILL_GRACETIME
          </button>{' '}
          (now {formatMs(fix.ms)}, always waited in full).
        </li>
      )
    case 'docker-stop':
      return (
        <li>
          Or give Docker more time: <code>docker stop -t {fix.seconds}</code>, or{' '}
          <code>stop_grace_period: {fix.seconds}s</code> in Compose.
        </li>
      )
    default: {
      const never: never = fix
      return never
    }
  }
}

/** The headline of the Shutdown preview: fits in docker stop or not, and what to change. */
export function ShutdownVerdictBanner({ verdict }: { verdict: ShutdownVerdict }) {
  const { status, totalMs, servicesMs, killGraceMs, limitMs } = verdict
  const tone = status === 'ok' ? 'ok' : status === 'over' ? 'danger' : 'warning'
  return (
    <div className={`verdict tone-${tone}`} role="status" data-status={status}>
      <Icon name={status === 'ok' ? 'check' : 'warning'} size={18} className="verdict-icon" />
      <div className="verdict-text">
        <p className="verdict-title">
          {status === 'ok' ? (
            <>
              Stops in at most <strong>{formatMs(totalMs)}</strong>, within docker stop’s{' '}
              {formatMs(limitMs)}
              {limitMs - totalMs < 2000 ? ` (${formatMs(limitMs - totalMs)} to spare)` : ''}.
            </>
          ) : status === 'over' ? (
            <>
              Can take <strong>{formatMs(totalMs)}</strong>: docker stop kills the container after{' '}
              {formatMs(limitMs)}, before the services have stopped in order.
            </>
          ) : (
            <>
              No upper bound:{' '}
              {verdict.unbounded.map((n, i) => (
                <span key={n}>
                  {i > 0 ? ', ' : ''}
                  <code>{n}</code>
                </span>
              ))}{' '}
              can hold the stop until docker stop kills everything after {formatMs(limitMs)}.
            </>
          )}
        </p>
        <p className="verdict-detail">
          {Number.isFinite(servicesMs)
            ? `${formatMs(servicesMs)} for the services (worst case), then S6_KILL_GRACETIME ${formatMs(killGraceMs)}, which s6-overlay always waits in full.`
            : `A longrun without timeout-kill is never SIGKILLed by s6; a oneshot’s down without timeout-down runs as long as it likes. Then S6_KILL_GRACETIME ${formatMs(killGraceMs)}.`}
        </p>
        {verdict.fixes.length > 0 ? (
          <ul className="verdict-fixes">
            {verdict.fixes.map((f, i) => (
              <Fix key={i} fix={f} />
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
