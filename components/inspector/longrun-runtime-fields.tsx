'use client'

import { useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import { Switch } from '@/components/ui/switch'
import { DOWN_SIGNALS } from '@/lib/graph/overlay'
import { loggerNames } from '@/lib/graph/logger'
import type { ChildProcess, Longrun, ServiceName } from '@/lib/graph/types'
import { DurationField } from './duration-field'
import { Field } from './field'
import { IntegerField } from './integer-field'
import { useFieldProblems } from './use-field-problems'

/** The signals to offer: the usual ones, and the design's own if it names another. */
function signalChoices(current: string | undefined): string[] {
  const offered: string[] = [...DOWN_SIGNALS]
  return current && current !== 'SIGTERM' && !offered.includes(current)
    ? [...offered, current]
    : offered
}
import { useServiceUpdater } from './use-service-updater'

/** notification-fd and the readiness check command. */
export function ReadinessFields({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update, done } = useServiceUpdater(name)
  const problems = useFieldProblems(name, 'readiness')
  const r = service.readiness
  return (
    <Field
      label="Readiness"
      field="readiness"
      problems={problems.filter((p) => p.field === 'readiness')}
    >
      <Switch
        id="f-readiness"
        field="readiness"
        label="Tells s6 when it is ready (notification-fd)"
        checked={r !== undefined}
        onChange={(on) => update({ readiness: on ? { notificationFd: 3 } : undefined })}
      />
      {r ? (
        <div className="subfields">
          <IntegerField
            id="f-readiness-fd"
            label="Notification fd"
            field="readiness.notificationFd"
            value={r.notificationFd}
            min={3}
            max={1023}
            problems={problems.filter((p) => p.field === 'readiness.notificationFd')}
            help="The fd (3 or more) the daemon writes a newline to when it is ready."
            onCommit={(fd) =>
              fd !== undefined &&
              update({ readiness: { ...r, notificationFd: fd } }, 'readiness.fd')
            }
            onBlur={done}
          />
          <Field
            label="Ready check"
            field="readiness.check"
            htmlFor="f-readiness-check"
            problems={problems.filter((p) => p.field === 'readiness.check')}
          >
            <input
              id="f-readiness-check"
              data-field="readiness.check"
              className="input input-mono"
              placeholder="curl -fs http://127.0.0.1:3000/health"
              spellCheck={false}
              value={r.check ?? ''}
              onChange={(e) => {
                const { check: _old, ...rest } = r
                update(
                  { readiness: e.target.value === '' ? rest : { ...rest, check: e.target.value } },
                  'readiness.check',
                )
              }}
              onBlur={done}
            />
          </Field>
        </div>
      ) : null}
    </Field>
  )
}

/** down-signal, timeout-kill, timeout-finish. */
export function StoppingFields({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update, done } = useServiceUpdater(name)
  const sig = useFieldProblems(name, 'downSignal')
  const kill = useFieldProblems(name, 'timeoutKill')
  const fin = useFieldProblems(name, 'timeoutFinish')
  return (
    <>
      <Field label="Down signal" field="downSignal" htmlFor="f-downSignal" problems={sig}>
        <select
          id="f-downSignal"
          data-field="downSignal"
          className="input"
          value={service.downSignal ?? ''}
          onChange={(e) => update({ downSignal: e.target.value || undefined })}
        >
          <option value="">SIGTERM (default)</option>
          {signalChoices(service.downSignal).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-grid">
        <DurationField
          id="f-timeoutKill"
          label="Kill after"
          field="timeoutKill"
          value={service.timeoutKill}
          problems={kill}
          placeholder="never"
          onCommit={(timeoutKill) => update({ timeoutKill }, 'timeoutKill')}
          onBlur={done}
        />
        <DurationField
          id="f-timeoutFinish"
          label="Finish limit"
          field="timeoutFinish"
          value={service.timeoutFinish}
          problems={fin}
          placeholder="5 (default)"
          onCommit={(timeoutFinish) => update({ timeoutFinish }, 'timeoutFinish')}
          onBlur={done}
        />
      </div>
    </>
  )
}

/** Logger on/off through addLogger/removeLogger, and the pipeline links it made. */
export function LoggerField({ name, service }: { name: ServiceName; service: Longrun }) {
  const store = useEditorStoreApi()
  const producer = useFieldProblems(name, 'producerFor')
  const consumer = useFieldProblems(name, 'consumerFor')
  const pipeline = useFieldProblems(name, 'pipelineName')
  if (service.consumerFor?.length) {
    return (
      <Field
        label="Logger"
        field="consumerFor"
        problems={[...consumer, ...pipeline]}
        help="This service is a logger: it reads the output of the services below."
      >
        <p className="field-value">
          Reads{' '}
          <code data-field="consumerFor" tabIndex={-1}>
            {service.consumerFor.join(', ')}
          </code>
          {service.pipelineName ? (
            <>
              {' '}
              · pipeline{' '}
              <code data-field="pipelineName" tabIndex={-1}>
                {service.pipelineName}
              </code>
            </>
          ) : null}
        </p>
      </Field>
    )
  }
  return (
    <Field label="Logger" field="logger" problems={producer}>
      <Switch
        id="f-logger"
        field="producerFor"
        label={
          service.producerFor
            ? `Logs to ${service.producerFor}`
            : `Log with s6-log (${loggerNames(name).log})`
        }
        checked={service.producerFor !== undefined}
        onChange={(on) =>
          on ? store.getState().addLogger(name) : store.getState().removeLogger(name)
        }
      />
    </Field>
  )
}

/** The process label and the declared child processes. */
export function ProcessFields({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update, done } = useServiceUpdater(name)
  const proc = useFieldProblems(name, 'process')
  const kids = useFieldProblems(name, 'children')
  const setChild = (i: number, patch: Partial<ChildProcess>) =>
    update(
      {
        children: service.children.map((c, j) => {
          if (j !== i) return c
          const next = { ...c, ...patch }
          if (next.count === '' || next.count === undefined) delete next.count
          return next
        }),
      },
      `children.${i}`,
    )
  return (
    <>
      <Field label="Process label" field="process" htmlFor="f-process" problems={proc}>
        <input
          id="f-process"
          data-field="process"
          className="input input-mono"
          placeholder="puma master"
          value={service.process ?? ''}
          onChange={(e) => update({ process: e.target.value || undefined }, 'process')}
          onBlur={done}
        />
      </Field>
      <Field label="Child processes" field="children" problems={kids}>
        <div className="child-list">
          {service.children.map((c, i) => (
            <div key={i} className="child-row">
              <input
                className="input input-mono"
                data-field={`children.${i}.name`}
                aria-label={`Child ${i + 1} name`}
                placeholder="puma worker"
                value={c.name}
                onChange={(e) => setChild(i, { name: e.target.value })}
                onBlur={done}
              />
              <span className="child-times" aria-hidden="true">
                ×
              </span>
              <input
                className="input input-mono child-count"
                data-field={`children.${i}.count`}
                aria-label={`Child ${i + 1} count`}
                placeholder="1"
                value={c.count === undefined ? '' : String(c.count)}
                onChange={(e) => {
                  const t = e.target.value.trim()
                  setChild(i, { count: /^\d+$/.test(t) ? Number(t) : t })
                }}
                onBlur={done}
              />
              <button
                type="button"
                className="btn btn-ghost btn-sm btn-icon"
                aria-label={`Remove child ${c.name || i + 1}`}
                onClick={() => update({ children: service.children.filter((_, j) => j !== i) })}
              >
                <Icon name="trash" size={13} />
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-default btn-sm"
            onClick={() => update({ children: [...service.children, { name: '' }] })}
          >
            <Icon name="plus" size={13} />
            <span className="btn-label">Add child process</span>
          </button>
        </div>
      </Field>
    </>
  )
}

/** max-death-tally and lock-fd. */
export function SupervisionFields({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update, done } = useServiceUpdater(name)
  const tally = useFieldProblems(name, 'maxDeathTally')
  const lock = useFieldProblems(name, 'lockFd')
  return (
    <div className="field-grid">
      <IntegerField
        id="f-maxDeathTally"
        label="Max death tally"
        field="maxDeathTally"
        value={service.maxDeathTally}
        min={0}
        max={4096}
        placeholder="100"
        problems={tally}
        onCommit={(maxDeathTally) => update({ maxDeathTally }, 'maxDeathTally')}
        onBlur={done}
      />
      <IntegerField
        id="f-lockFd"
        label="Lock fd"
        field="lockFd"
        value={service.lockFd}
        min={3}
        max={1023}
        placeholder="none"
        problems={lock}
        onCommit={(lockFd) => update({ lockFd }, 'lockFd')}
        onBlur={done}
      />
    </div>
  )
}
