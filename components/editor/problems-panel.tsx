'use client'

import { Icon } from '@/components/ui/icons'
import type { Diagnostic } from '@/lib/graph/types'
import { selectDiagnostics } from '@/lib/store/selectors'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'

const ORDER = { error: 0, warning: 1, info: 2 } as const

function group(list: Diagnostic[]): [string, Diagnostic[]][] {
  const map = new Map<string, Diagnostic[]>()
  for (const d of list) {
    const key = d.service ?? ''
    const g = map.get(key)
    if (g) g.push(d)
    else map.set(key, [d])
  }
  return [...map.entries()]
    .map(
      ([k, v]) =>
        [k, [...v].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])] as [string, Diagnostic[]],
    )
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1))
}

/** A message as a sentence for a screen reader: one full stop at the end, not two. */
const sentence = (text: string) => (/[.!?:]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)

/** Every diagnostic, grouped by service; a click selects the service and focuses the field. */
export function ProblemsPanel() {
  const store = useEditorStoreApi()
  const diagnostics = useEditorStore(selectDiagnostics)
  if (diagnostics.length === 0) {
    return (
      <div className="empty-state">
        <Icon name="check" size={20} className="empty-ok" />
        <p>No problems. s6-rc-compile would accept this design.</p>
      </div>
    )
  }
  return (
    <div className="problems" data-testid="problems-panel">
      {group(diagnostics).map(([service, list]) => (
        <section key={service || '(project)'} className="problem-group">
          <h3 className="problem-group-title">
            {service ? (
              <button
                type="button"
                className="link-button"
                onClick={() => store.getState().selectService(service)}
              >
                {service}
              </button>
            ) : (
              'Project'
            )}
            <span className="problem-group-count">{list.length}</span>
          </h3>
          <ul className="problem-list">
            {list.map((d, i) => (
              <li
                key={`${d.code}-${d.field ?? ''}-${i}`}
                className={`problem problem-${d.severity}`}
              >
                <button
                  type="button"
                  className="problem-main"
                  onClick={() => store.getState().requestFocus(d.field ?? 'name', d.service)}
                  aria-label={`${d.severity}: ${sentence(d.message)}${d.fix ? ` ${sentence(d.fix)}` : ''} Go to the field.`}
                >
                  <Icon
                    name={d.severity === 'info' ? 'info' : d.severity}
                    size={14}
                    className="problem-icon"
                  />
                  <span className="problem-text">
                    <span className="problem-message">{d.message}</span>
                    {d.fix ? <span className="problem-fix">{d.fix}</span> : null}
                  </span>
                </button>
                <a
                  className="problem-doc"
                  href={`/docs/diagnostics/${d.code}/`}
                  title="What this means"
                >
                  <code>{d.code}</code>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
