'use client'

import { useEditorStore } from '@/components/editor/editor-store-provider'
import type { Diagnostic, ServiceName } from '@/lib/graph/types'
import { fieldDiagnostics } from '@/lib/store/selectors'

/** Diagnostics of one field of one service (or of the project, without a service), as last checked. */
export function useFieldProblems(service: ServiceName | undefined, field: string): Diagnostic[] {
  return useEditorStore((s) => fieldDiagnostics(s.checkedGraph, service, field))
}
