import { startTransition } from 'react'
import { createRoot } from 'react-dom/client'
import { DESIGNER_ROOT_ID } from '../designer-root'
import { FailureBoundary, PartFailed } from '@/components/ui/lazy-part'
import { Editor, type StartLink } from '../editor'

/**
 * Renders the editor in place of the page's skeleton, with the page's share link when it was
 * read first. In a transition: React renders it in slices, between which the page stays
 * responsive, instead of in one long task.
 */
export function mountDesigner(link?: StartLink): void {
  const element = document.getElementById(DESIGNER_ROOT_ID)
  if (!element) return
  const root = createRoot(element)
  const failed = <PartFailed what="The designer stopped on an error." />
  startTransition(() =>
    root.render(
      <FailureBoundary failed={failed}>
        <Editor link={link} />
      </FailureBoundary>,
    ),
  )
}
