'use client'

import { useMemo } from 'react'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import type { ServiceName } from '@/lib/graph/types'
import { diagnosticsFor } from '@/lib/store/selectors'
import { FieldProblems } from './field'

/** Fields no inspector input stands for: problems about them show at the top. */
const UNPLACED = new Set(['type', 'services', 'layout', 'version'])

/** Problems of the service that belong to no field, above the fields. */
export function ServiceProblems({ name }: { name: ServiceName }) {
  const all = useEditorStore((s) => diagnosticsFor(s.checkedGraph, name))
  const loose = useMemo(
    () => all.filter((d) => d.field === undefined || UNPLACED.has(d.field.split('.')[0] ?? '')),
    [all],
  )
  if (loose.length === 0) return null
  return (
    <div className="service-problems" data-field="type" tabIndex={-1}>
      <FieldProblems problems={loose} />
    </div>
  )
}
