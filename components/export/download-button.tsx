'use client'

import { Button } from '@/components/ui/button'

/** Placeholder: the export issue builds the zip here. Reads the graph via useEditorStore. */
export function DownloadButton() {
  return (
    <Button
      variant="primary"
      icon="download"
      disabled
      title="Coming soon"
      aria-label="Download zip (coming soon)"
    >
      Download zip
    </Button>
  )
}
