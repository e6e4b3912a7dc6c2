import { useMemo, useState } from 'react'
import { ancestors, buildFileTree, type FileTreeNode } from '@/lib/docs/file-tree'
import { exportFiles } from '@/lib/generate/export-files'
import type { ServiceGraph } from '@/lib/graph/types'
import { designerHref } from './designer-href'
import { useLive } from './use-live'

type ExportedFiles = Map<string, { contents: string; executable: boolean }>

/** The file to show first: a longrun's `run` if there is one, else the first file. */
function firstFile(files: ExportedFiles): string | undefined {
  const paths = [...files.keys()].sort()
  return paths.find((p) => /\/s6-rc\.d\/[^/]+\/run$/.test(p)) ?? paths[0]
}

function Tree({
  nodes,
  open,
  selected,
  onToggle,
  onSelect,
  files,
  live,
}: {
  nodes: FileTreeNode[]
  open: Set<string>
  selected: string | undefined
  onToggle: (path: string) => void
  onSelect: (path: string) => void
  files: ExportedFiles
  live: boolean
}) {
  return (
    <ul className="fx-tree">
      {nodes.map((n) =>
        n.children ? (
          <li key={n.path}>
            <button
              type="button"
              className="fx-row fx-folder"
              aria-expanded={open.has(n.path)}
              disabled={!live}
              onClick={() => onToggle(n.path)}
            >
              <span className="fx-caret" aria-hidden="true">
                {open.has(n.path) ? '▾' : '▸'}
              </span>
              {n.name}/
            </button>
            {open.has(n.path) ? (
              <Tree {...{ open, selected, onToggle, onSelect, files, live }} nodes={n.children} />
            ) : null}
          </li>
        ) : (
          <li key={n.path}>
            <button
              type="button"
              className="fx-row fx-file"
              data-selected={selected === n.path || undefined}
              aria-current={selected === n.path || undefined}
              data-path={n.path}
              disabled={!live}
              onClick={() => onSelect(n.path)}
            >
              {n.name}
              {files.get(n.path)?.executable ? <span className="fx-exec">755</span> : null}
            </button>
          </li>
        ),
      )}
    </ul>
  )
}

/** `<FileExplorer>`: the files the exporter writes for a built-in example, browsable. */
export function FileExplorerView({ graph, example }: { graph: ServiceGraph; example: string }) {
  const files: ExportedFiles = useMemo(() => exportFiles(graph), [graph])
  const [selected, setSelected] = useState(() => firstFile(files))
  const [open, setOpen] = useState<Set<string>>(() => new Set(selected ? ancestors(selected) : []))
  const tree = useMemo(() => buildFileTree(files.keys()), [files])
  const live = useLive()
  const file = selected ? files.get(selected) : undefined
  const toggle = (path: string) =>
    setOpen((o) => {
      const next = new Set(o)
      if (next.has(path)) next.delete(path)
      else next.add(path)
      return next
    })
  return (
    <div className="live-widget file-explorer" data-testid="file-explorer" data-example={example}>
      <div className="live-bar">
        <span className="live-title">
          <span className="live-kicker">Export</span> {graph.project.name}
        </span>
        <span className="live-meta">{files.size} files</span>
        <a className="live-action" href={designerHref(example)}>
          Open in designer<span aria-hidden="true"> →</span>
        </a>
      </div>
      <div className="fx-body">
        <nav className="fx-nav" aria-label="Exported files">
          <Tree
            {...{ open, selected, files, live }}
            nodes={tree}
            onToggle={toggle}
            onSelect={setSelected}
          />
        </nav>
        <div className="fx-pane">
          <div className="fx-path">
            <code>{selected}</code>
            {file?.executable ? <span className="fx-exec">executable</span> : null}
          </div>
          <pre className="fx-contents" data-testid="file-contents">
            {file?.contents ?? ''}
          </pre>
        </div>
      </div>
    </div>
  )
}
