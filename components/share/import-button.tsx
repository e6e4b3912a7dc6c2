'use client'

import { Button } from '@/components/ui/button'

/** Placeholder: the import issue reads graph JSON, zips and s6-rc.d trees here. */
export function ImportButton() {
  return (
    <Button
      variant="ghost"
      icon="upload"
      disabled
      title="Coming soon"
      aria-label="Import (coming soon)"
    >
      Import
    </Button>
  )
}
