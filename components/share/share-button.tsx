'use client'

import { Button } from '@/components/ui/button'

/** Placeholder: the share-link issue copies a link to the graph here. */
export function ShareButton() {
  return (
    <Button
      variant="ghost"
      icon="share"
      disabled
      title="Coming soon"
      aria-label="Share link (coming soon)"
    >
      Share
    </Button>
  )
}
