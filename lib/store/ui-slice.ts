/** The UI slice: panels, notices, focus requests and the canvas viewport. */
import type { StateCreator } from 'zustand/vanilla'
import type { EditorState, UiSlice, UiState, Viewport } from './types'

export function createUiSlice(init: {
  viewport?: Viewport
}): StateCreator<EditorState, [], [], UiSlice> {
  let noticeId = 0
  let focusNonce = 0
  return (set, get) => {
    const patch = (p: Partial<UiState>) => set((s) => ({ ui: { ...s.ui, ...p } }))
    return {
      ui: {
        sideTab: 'inspector',
        previewOpen: false,
        previewTab: 'start-order',
        searchOpen: false,
        shortcutsOpen: false,
        notice: undefined,
        focusRequest: undefined,
        viewport: init.viewport,
        savedStateIssue: undefined,
        notSaved: false,
        announcement: undefined,
        fitViewRequest: 0,
        revealRequest: 0,
        hoveredService: undefined,
      },
      setSideTab: (sideTab) => patch({ sideTab }),
      setPreviewOpen: (previewOpen) => patch({ previewOpen }),
      setPreviewTab: (previewTab) => patch({ previewTab, previewOpen: true }),
      setSearchOpen: (searchOpen) => patch({ searchOpen }),
      setShortcutsOpen: (shortcutsOpen) => patch({ shortcutsOpen }),
      showNotice: (notice) => {
        noticeId += 1
        const id = noticeId
        set((s) => ({
          ui: { ...s.ui, notice: { ...notice, id, ...(notice.action ? { after: s.graph } : {}) } },
        }))
        return id
      },
      dismissNotice: (id) =>
        set((s) =>
          s.ui.notice === undefined || (id !== undefined && s.ui.notice.id !== id)
            ? s
            : { ui: { ...s.ui, notice: undefined } },
        ),
      noticeActionApplies: (id) => {
        const s = get()
        return (
          s.ui.notice?.id === id &&
          s.ui.notice.action !== undefined &&
          s.ui.notice.after === s.graph
        )
      },
      runNoticeAction: (id) => {
        if (get().noticeActionApplies(id)) get().undo()
        get().dismissNotice(id)
      },
      requestFocus: (field, service) => {
        focusNonce += 1
        set((s) => {
          const own = service !== undefined && Object.hasOwn(s.graph.services, service)
          return {
            ui: {
              ...s.ui,
              sideTab: service === undefined ? 'project' : 'inspector',
              focusRequest: {
                field,
                nonce: focusNonce,
                ...(service !== undefined ? { service } : {}),
              },
              // The canvas brings the service on screen (a problem's, a found one's).
              ...(own ? { revealRequest: s.ui.revealRequest + 1 } : {}),
            },
            ...(own ? { selection: { services: [service], edges: [] } } : {}),
          }
        })
      },
      setViewport: (viewport) => patch({ viewport }),
      setSavedStateIssue: (savedStateIssue) => patch({ savedStateIssue }),
      announce: (text) =>
        set((s) => ({
          ui: { ...s.ui, announcement: { text, nonce: (s.ui.announcement?.nonce ?? 0) + 1 } },
        })),
      setNotSaved: (notSaved) =>
        set((s) => (s.ui.notSaved === notSaved ? s : { ui: { ...s.ui, notSaved } })),
      setHoveredService: (hoveredService) =>
        set((s) =>
          s.ui.hoveredService === hoveredService ? s : { ui: { ...s.ui, hoveredService } },
        ),
      requestFitView: () =>
        set((s) => ({ ui: { ...s.ui, fitViewRequest: s.ui.fitViewRequest + 1 } })),
    }
  }
}
