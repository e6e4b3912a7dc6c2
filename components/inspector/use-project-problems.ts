'use client'

import { useMemo } from 'react'
import type { Diagnostic } from '@/lib/graph/types'
import { useFieldProblems } from './use-field-problems'

const EMPTY: Diagnostic[] = []

/** Project diagnostics of a field, whether validate names it `x` or `project.x`. */
export function useProjectProblems(field: string): Diagnostic[] {
  const bare = useFieldProblems(undefined, field)
  const prefixed = useFieldProblems(undefined, `project.${field}`)
  return useMemo(
    () =>
      bare.length === 0 && prefixed.length === 0
        ? EMPTY
        : prefixed.length === 0
          ? bare
          : bare.length === 0
            ? prefixed
            : [...bare, ...prefixed],
    [bare, prefixed],
  )
}
