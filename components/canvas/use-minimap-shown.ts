'use client'

import { useCallback, useState } from 'react'

const KEY = 's6d-minimap'

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden'
  } catch {
    return true
  }
}

/**
 * Whether the canvas shows its overview (the minimap), and a toggle. Hidden, it frees the
 * corner it covers; the choice is kept in localStorage between visits.
 */
export function useMinimapShown(): [boolean, () => void] {
  const [shown, setShown] = useState(stored)
  const toggle = useCallback(() => {
    setShown((was) => {
      try {
        if (was) localStorage.setItem(KEY, 'hidden')
        else localStorage.removeItem(KEY)
      } catch {
        // Storage refused (private mode): the choice lasts for this visit.
      }
      return !was
    })
  }, [])
  return [shown, toggle]
}
