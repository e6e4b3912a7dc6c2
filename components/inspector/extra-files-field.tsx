'use client'

import { Icon } from '@/components/ui/icons'
import type { Longrun, ServiceName } from '@/lib/graph/types'
import { Field } from './field'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Files an import kept verbatim in the service folder; they can be removed, not edited. */
export function ExtraFilesField({ name, service }: { name: ServiceName; service: Longrun }) {
  const { update } = useServiceUpdater(name)
  const problems = useFieldProblems(name, 'extraFiles')
  const files = service.extraFiles ?? []
  if (files.length === 0) return null
  return (
    <Field
      label="Extra files"
      field="extraFiles"
      problems={problems}
      help="Files from an imported tree, copied as they are into the service folder (data/…)."
    >
      <ul className="file-list">
        {files.map((f, i) => (
          <li key={f.path} className="file-row" data-field={`extraFiles.${i}`} tabIndex={-1}>
            <code className="file-path" title={f.contents.slice(0, 400)}>
              {f.path}
            </code>
            {f.executable ? <span className="file-mode">0755</span> : null}
            <button
              type="button"
              className="btn btn-ghost btn-sm btn-icon"
              aria-label={`Remove ${f.path}`}
              onClick={() => {
                const rest = files.filter((_, j) => j !== i)
                update({ extraFiles: rest.length ? rest : undefined })
              }}
            >
              <Icon name="trash" size={13} />
            </button>
          </li>
        ))}
      </ul>
    </Field>
  )
}
