'use client'

import { InspectorPanel } from '@/components/inspector/inspector-panel'
import { ProjectPanel } from '@/components/inspector/project-panel'
import { Icon } from '@/components/ui/icons'
import { tabKeys } from '@/components/ui/tab-keys'
import { selectProblemCounts } from '@/lib/store/selectors'
import type { SideTab } from '@/lib/store/types'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'
import { ProblemsPanel } from './problems-panel'

/**
 * The right-hand panel: the selection's inspector, the project settings, the problems. In a
 * narrow window it is a drawer over the canvas, and `onClose` (its close button) hides it.
 */
export function SidePanel({ onClose }: { onClose: () => void }) {
  const store = useEditorStoreApi()
  const tab = useEditorStore((s) => s.ui.sideTab)
  const counts = useEditorStore(selectProblemCounts)
  const total = counts.errors + counts.warnings
  const tabs: { id: SideTab; label: string; count?: number }[] = [
    { id: 'inspector', label: 'Inspector' },
    { id: 'project', label: 'Project' },
    { id: 'problems', label: 'Problems', count: total },
  ]
  return (
    <aside id="details-panel" className="side-panel" aria-label="Details">
      <div className="side-head">
        <div
          className="side-tabs"
          role="tablist"
          aria-label="Details"
          onKeyDown={tabKeys(
            tabs.map((t) => t.id),
            tab,
            (id) => store.getState().setSideTab(id),
            'side-tab-',
          )}
        >
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`side-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`side-panel-${t.id}`}
              className="side-tab"
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => store.getState().setSideTab(t.id)}
            >
              {t.label}
              {t.count ? (
                <span className={`tab-count${counts.errors ? ' is-error' : ' is-warning'}`}>
                  {t.count}
                </span>
              ) : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="side-close btn btn-ghost btn-sm"
          aria-label="Close the details"
          title="Close the details"
          onClick={onClose}
        >
          <Icon name="x" size={14} />
        </button>
      </div>
      <div
        className="side-body"
        id={`side-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`side-tab-${tab}`}
        tabIndex={-1}
      >
        {tab === 'inspector' ? (
          <InspectorPanel />
        ) : tab === 'project' ? (
          <ProjectPanel />
        ) : (
          <ProblemsPanel />
        )}
      </div>
    </aside>
  )
}
