'use client'

import { Icon } from '@/components/ui/icons'
import { type MenuItem, MenuList } from '@/components/ui/menu'
import { useMenu } from '@/components/ui/use-menu'

/** The Import dropdown: a file, a folder, or a recent design; arrow keys, Enter, Escape. */
export function ImportMenu({
  busy,
  onFile,
  onFolder,
  onRecent,
  onLastReport,
}: {
  busy: boolean
  onFile: () => void
  onFolder: () => void
  onRecent: () => void
  /** Opens the report of the last import again (absent before any import). */
  onLastReport?: (() => void) | undefined
}) {
  const menu = useMenu()
  const items: MenuItem[] = [
    {
      id: 'file',
      label: 'Zip or graph file…',
      description: 'An s6 Designer export, a zip of an s6-rc.d or image root, a .s6graph.json',
      icon: 'archive',
      onSelect: onFile,
    },
    {
      id: 'folder',
      label: 'Folder…',
      description: 'An s6-rc.d, or an image root holding etc/s6-overlay',
      icon: 'folder',
      onSelect: onFolder,
    },
    {
      id: 'recent',
      label: 'Recent designs…',
      description: 'Designs that New, a link, an import, an example or another tab replaced',
      icon: 'clock',
      onSelect: onRecent,
    },
    ...(onLastReport
      ? [
          {
            id: 'last-report',
            label: 'Last import report…',
            description: 'What the last import read, converted, kept and ignored, and its remarks',
            icon: 'file' as const,
            onSelect: onLastReport,
          },
        ]
      : []),
  ]

  return (
    <div className="menu">
      <button
        {...menu.buttonProps}
        className="btn btn-ghost btn-md"
        aria-busy={busy}
        title="Import a zip, a folder or a graph file; or drop one on the page"
      >
        <Icon name="upload" size={15} />
        <span className="btn-label">{busy ? 'Importing…' : 'Import'}</span>
      </button>
      {menu.open ? (
        <MenuList
          menu={menu}
          items={items}
          ariaLabel="Import"
          className="menu-end import-menu"
          heading="Open a design"
        >
          <p className="import-menu-hint">
            Or drop a zip, a folder or a graph file anywhere on the page.
          </p>
        </MenuList>
      ) : null}
    </div>
  )
}
