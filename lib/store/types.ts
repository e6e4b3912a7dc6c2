/**
 * The editor store's state: three slices (graph + history, selection, UI) combined by
 * `createEditorStore`. Everything here is plain data plus thin actions over
 * `lib/graph/service-graph.ts`; nothing touches the DOM.
 */
import type { ConnectResult } from '../graph/validate'
import type { RemovedReference, TypeChange } from '../graph/service-graph'
import type {
  ProjectSettings,
  Service,
  ServiceGraph,
  ServiceName,
  ServiceType,
  XY,
} from '../graph/types'

/** How a change enters the history. */
export interface CommitOptions {
  /**
   * Changes with the same key in a row (typing in one field) become one history entry, as long
   * as they come within `coalesceMs` of each other, nothing else was committed in between, and
   * the entry has not lasted `coalesceMaxMs` (a long stretch of typing is undone in parts).
   */
  coalesce?: string
  /**
   * Part of a gesture (a drag): the graph changes but history waits for `endGesture`, which
   * records the whole gesture as one entry.
   */
  transient?: boolean
  /** Replace the graph without any history entry (applying an automatic layout on load). */
  history?: false
}

/** What `removeServices` did, for the undoable notice. */
export interface RemovalSummary {
  removed: ServiceName[]
  references: RemovedReference[]
}

/** Which of the two edge kinds an edge is; ids are `dep:<from>-><to>` / `mem:<bundle>-><member>`. */
export type EdgeKind = 'dependency' | 'membership'

export interface EdgeRef {
  kind: EdgeKind
  /** The dependent (dependency) or the bundle (membership). */
  from: ServiceName
  /** The dependency (dependency) or the member (membership). */
  to: ServiceName
}

export interface GraphSlice {
  graph: ServiceGraph
  /** Older graphs, most recent last. */
  past: ServiceGraph[]
  /** Undone graphs, the next redo last. */
  future: ServiceGraph[]
  /** Bumped on every change of `graph` (undo and redo too); autosave watches it. */
  revision: number
  /** Key and time of the last coalescable commit, and when its run of merged commits began. */
  lastCommit: { key: string; at: number; since: number } | undefined
  /** The graph before the running gesture; `endGesture` commits from it. */
  gestureBase: ServiceGraph | undefined
  /**
   * The graph the problem displays describe. It follows `graph` shortly after each change
   * (`attachValidation`), so typing is never slowed by a whole-graph validation.
   */
  checkedGraph: ServiceGraph
  /** Makes `checkedGraph` the current graph (validation catches up). */
  markChecked: () => void

  /** Makes `next` the graph; every other graph action goes through here. */
  commit: (next: ServiceGraph, options?: CommitOptions) => void
  /** Closes a drag: the moves since its first transient commit become one history entry. */
  endGesture: () => void
  /** Stops coalescing (a field lost focus), so the next edit starts a new history entry. */
  endCoalescing: () => void
  undo: () => void
  redo: () => void

  /** Adds a service with a fresh name (`oneshot`, `oneshot-2`…); returns its name. */
  addService: (
    type: ServiceType,
    options?: { name?: string; service?: Service; position?: XY; select?: boolean },
  ) => ServiceName
  /** Renames a service and every reference to it; false when the name was refused. */
  renameService: (from: ServiceName, to: ServiceName) => boolean
  updateService: (name: ServiceName, service: Service, options?: CommitOptions) => void
  /** Makes a service a oneshot, longrun or bundle (see `changeType`); one history entry. */
  changeType: (name: ServiceName, type: ServiceType) => TypeChange
  setProject: (patch: Partial<ProjectSettings>, options?: CommitOptions) => void
  /** Removes services and the references to them; one history entry. */
  removeServices: (names: readonly ServiceName[]) => RemovalSummary
  /** Removes services and edges together (the Delete key); one history entry. */
  deleteElements: (names: readonly ServiceName[], edges: readonly EdgeRef[]) => RemovalSummary
  /** Checks `canConnect(from, to)` and, when allowed, adds the dependency or membership. */
  connect: (from: ServiceName, to: ServiceName) => ConnectResult
  disconnect: (edge: EdgeRef) => void
  moveServices: (positions: Record<ServiceName, XY>, options?: CommitOptions) => void
  setLayout: (layout: Record<ServiceName, XY>, options?: CommitOptions) => void
  addLogger: (producer: ServiceName) => void
  removeLogger: (producer: ServiceName) => void
  /** Replaces the whole graph (an example, a blank graph, an import); undoable unless `reset`. */
  loadGraph: (graph: ServiceGraph, options?: { reset?: boolean }) => void
  /** Pastes a copied fragment; clashing names are renamed, references remapped. */
  paste: (fragment: ServiceGraph, options?: { offset?: XY }) => ServiceName[]
  /**
   * Copies the services beside the originals (a lone one in the nearest free spot below it),
   * new names for the copies, and selects them. The boot bundle is not copied.
   */
  duplicate: (names: readonly ServiceName[]) => ServiceName[]
}

export interface Selection {
  services: ServiceName[]
  /** Edge ids as `to-flow-elements` makes them. */
  edges: string[]
}

export interface SelectionSlice {
  selection: Selection
  setSelection: (selection: Partial<Selection>) => void
  /** Selects one service (or adds it with `additive`). */
  selectService: (name: ServiceName, options?: { additive?: boolean }) => void
  selectAll: () => void
  clearSelection: () => void
}

export type SideTab = 'inspector' | 'project' | 'problems'
export type PreviewTab = 'process-tree' | 'start-order' | 'shutdown' | 'files' | 'docs'

export interface Notice {
  id: number
  message: string
  tone: 'info' | 'error'
  /** A button in the notice; `undo` runs the store's undo. */
  action?: { label: string; kind: 'undo' }
  /**
   * With an action: the graph the notice's change left. The action only applies while this is
   * still the graph (an edit or an undo since then would make it undo something else).
   */
  after?: ServiceGraph
  /** Screen point to show it near (the cursor at a refused connection). */
  anchor?: XY
}

export interface Viewport {
  x: number
  y: number
  zoom: number
}

export interface FocusRequest {
  service?: ServiceName
  field: string
  nonce: number
}

export interface UiState {
  sideTab: SideTab
  previewOpen: boolean
  previewTab: PreviewTab
  searchOpen: boolean
  /** The keyboard shortcut sheet ("?") is open. */
  shortcutsOpen: boolean
  notice: Notice | undefined
  focusRequest: FocusRequest | undefined
  viewport: Viewport | undefined
  /** Set when the autosaved state could not be restored: what to tell and the raw data. */
  savedStateIssue: { message: string; raw: string } | undefined
  /**
   * The browser refuses to keep the design (storage full, blocked or unavailable): shown until
   * a save succeeds again, so that no edit is lost unnoticed.
   */
  notSaved: boolean
  /**
   * What a screen reader is told after an action that shows no notice (an undo, a dependency
   * added, a download): `nonce` tells one announcement of a text from the next.
   */
  announcement: { text: string; nonce: number } | undefined
  /** Bumped to ask the canvas to fit the view (after loading a graph). */
  fitViewRequest: number
  /** Bumped by undo and redo: the canvas brings what they selected (what changed) into view. */
  revealRequest: number
  /** The service a preview row is hovered for; the canvas highlights its node. */
  hoveredService: ServiceName | undefined
}

export interface UiSlice {
  ui: UiState
  setSideTab: (tab: SideTab) => void
  setPreviewOpen: (open: boolean) => void
  setPreviewTab: (tab: PreviewTab) => void
  setSearchOpen: (open: boolean) => void
  setShortcutsOpen: (open: boolean) => void
  showNotice: (notice: Omit<Notice, 'id'>) => number
  dismissNotice: (id?: number) => void
  /** Whether notice `id`'s action still applies (see `Notice.after`). */
  noticeActionApplies: (id: number) => boolean
  /** Runs notice `id`'s action if it still applies, and dismisses the notice. */
  runNoticeAction: (id: number) => void
  /** Selects the service (if any) and asks the inspector to focus a field. */
  requestFocus: (field: string, service?: ServiceName) => void
  setViewport: (viewport: Viewport) => void
  setSavedStateIssue: (issue: UiState['savedStateIssue']) => void
  setNotSaved: (notSaved: boolean) => void
  /** Tells a screen reader `text` (politely), see `UiState.announcement`. */
  announce: (text: string) => void
  requestFitView: () => void
  /** Highlights a service's node on the canvas (a preview row is hovered); `undefined` clears. */
  setHoveredService: (name: ServiceName | undefined) => void
}

export type EditorState = GraphSlice & SelectionSlice & UiSlice
