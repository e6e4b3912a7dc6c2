'use client'

import { Fragment } from 'react'
import { Modal } from '@/components/share/modal'
import { isMac, keyLabel } from '@/components/ui/platform'
import { useEditorStoreApi } from './editor-store-provider'

/**
 * One shortcut: the key combinations that do it (any one of them) and what it does. A part of a
 * combination that is a mouse gesture (see MOUSE) is written out, not drawn as a key.
 */
interface Shortcut {
  keys: string[][]
  what: string
}

/**
 * Every shortcut of the designer, as use-shortcuts.ts, use-clipboard.ts and service-canvas.tsx
 * (React Flow's keys included) handle them, in two columns of groups. Keep it in step with them.
 */
const COLUMNS: { title: string; shortcuts: Shortcut[] }[][] = [
  [
    {
      title: 'Design',
      shortcuts: [
        { keys: [['Ctrl', 'Z']], what: 'Undo' },
        {
          keys: [
            ['Ctrl', 'Shift', 'Z'],
            ['Ctrl', 'Y'],
          ],
          what: 'Redo',
        },
        {
          keys: [
            ['Ctrl', 'K'],
            ['Ctrl', 'F'],
          ],
          what: 'Find a service',
        },
        { keys: [['Shift', 'Alt', 'T']], what: 'Tidy up the layout' },
        { keys: [['?']], what: 'This list' },
      ],
    },
    {
      title: 'Selection',
      shortcuts: [
        { keys: [['Ctrl', 'A']], what: 'Select all' },
        { keys: [['Shift', 'Drag']], what: 'Select in a box' },
        {
          keys: [
            ['Ctrl', 'Click'],
            ['Shift', 'Click'],
          ],
          what: 'Add to the selection',
        },
        { keys: [['Tab']], what: 'Focus the next service or connection' },
        { keys: [['Enter'], ['Space']], what: 'Select the focused one' },
        { keys: [['Escape']], what: 'Clear the selection' },
      ],
    },
  ],
  [
    {
      title: 'Services',
      shortcuts: [
        { keys: [['Ctrl', 'C']], what: 'Copy the selection' },
        { keys: [['Ctrl', 'X']], what: 'Cut: copy, then remove' },
        { keys: [['Ctrl', 'V']], what: 'Paste services' },
        { keys: [['Ctrl', 'D']], what: 'Duplicate the selection' },
        { keys: [['Delete'], ['Backspace']], what: 'Remove the selection' },
        { keys: [['F2'], ['Double-click a name']], what: 'Rename the service' },
        { keys: [['Arrow keys']], what: 'Move the selection (with Shift, further)' },
      ],
    },
    {
      title: 'Canvas',
      shortcuts: [
        { keys: [['+'], ['=']], what: 'Zoom in' },
        { keys: [['-']], what: 'Zoom out' },
        { keys: [['Shift', '1']], what: 'Fit the design in view' },
      ],
    },
  ],
]

const MOUSE = new Set(['Click', 'Drag', 'Double-click a name'])

function Keys({ combos, mac }: { combos: string[][]; mac: boolean }) {
  return combos.map((combo, i) => (
    <Fragment key={combo.join('+')}>
      {i > 0 ? <span className="shortcut-or"> or </span> : null}
      {combo.map((key) =>
        MOUSE.has(key) ? (
          <span key={key} className="shortcut-mouse">
            {key.toLowerCase()}
          </span>
        ) : (
          <kbd key={key}>{keyLabel(key, mac)}</kbd>
        ),
      )}
    </Fragment>
  ))
}

/** "?": the keyboard shortcut sheet. Escape closes it and the focus goes back where it was. */
export function ShortcutsDialog() {
  const store = useEditorStoreApi()
  const mac = isMac()
  return (
    <Modal
      title="Keyboard shortcuts"
      icon="keyboard"
      tone="accent"
      wide
      testId="shortcuts-dialog"
      onClose={() => store.getState().setShortcutsOpen(false)}
    >
      <p className="shortcut-note">
        In a text field the field keeps its own keys, {mac ? '⌘Z' : 'Ctrl+Z'} too once you have
        typed there.
      </p>
      <div className="shortcut-sheet">
        {COLUMNS.map((groups) => (
          <div key={groups[0]?.title}>
            {groups.map((group) => (
              <section key={group.title} aria-label={group.title}>
                <h3 className="shortcut-group">{group.title}</h3>
                <dl className="shortcut-rows">
                  {group.shortcuts.map((s) => (
                    <div key={s.what} className="shortcut-row">
                      <dt>
                        <Keys combos={s.keys} mac={mac} />
                      </dt>
                      <dd>{s.what}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        ))}
      </div>
    </Modal>
  )
}
