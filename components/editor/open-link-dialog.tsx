'use client'

import { Modal } from '@/components/share/modal'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import type { ServiceGraph } from '@/lib/graph/types'
import { countServices } from '@/lib/import/summary'
import { isUntouchedExample } from '@/lib/store/recent'

function DesignCard({ graph, kicker }: { graph: ServiceGraph; kicker: string }) {
  const names = Object.keys(graph.services).filter((n) => n !== USER_BUNDLE)
  const shown = names.slice(0, 8)
  return (
    <div className="design-card">
      <span className="design-card-kicker">{kicker}</span>
      <span className="design-card-name">{graph.project.name || 'untitled'}</span>
      <span className="design-card-meta">{countServices(graph)}</span>
      <span className="design-card-services">
        {shown.length > 0 ? shown.join(', ') : 'no services yet'}
        {names.length > shown.length ? ` +${names.length - shown.length}` : ''}
      </span>
    </div>
  )
}

/**
 * Asks which design to open when a shared link carries a design other than the one being
 * worked on. Whichever is not opened goes to Recent designs.
 */
export function OpenLinkDialog({
  shared,
  mine,
  onOpen,
  onKeep,
}: {
  shared: ServiceGraph
  mine: ServiceGraph
  onOpen: () => void
  onKeep: () => void
}) {
  return (
    <Modal
      title="Open the shared design?"
      icon="share"
      tone="accent"
      onClose={onKeep}
      testId="open-link-dialog"
      wide
      footer={
        <>
          <button type="button" className="btn btn-default btn-md" onClick={onKeep}>
            Keep mine
          </button>
          <button type="button" className="btn btn-primary btn-md" data-autofocus onClick={onOpen}>
            Open the shared design
          </button>
        </>
      }
    >
      <p className="modal-lead">
        {isUntouchedExample(shared) ? (
          <>
            This link opens a built-in example. Nothing is lost either way: yours goes to{' '}
            <strong>Import › Recent designs</strong> if you open the example, and the example stays
            in the <strong>Examples</strong> menu.
          </>
        ) : (
          <>
            This link carries a design that differs from the one you are working on. Nothing is lost
            either way: the one you do not open goes to <strong>Import › Recent designs</strong>.
          </>
        )}
      </p>
      <div className="design-cards">
        <DesignCard graph={shared} kicker="In the link" />
        <DesignCard graph={mine} kicker="Yours, in this browser" />
      </div>
    </Modal>
  )
}
