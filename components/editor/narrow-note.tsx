/** sessionStorage key: the note was hidden in this tab. */
const HIDDEN_KEY = 's6d-narrow-note-hidden'
const NOTE_CLASS = 'narrow-note'

/** Run while the page is parsed, inside the note: a fixed script, no user text in it. */
const HIDE_IF_HIDDEN = `try{if(sessionStorage.getItem(${JSON.stringify(HIDDEN_KEY)})==='1')document.currentScript.parentNode.hidden=true}catch(e){}`

/**
 * Under 1024 px (CSS shows it only there): the details panel is a drawer over the canvas (see
 * editor.css); the note says how to open it. Part of the static page, so it is painted with the
 * first frame, not when the designer has loaded. It can be hidden (for the tab's life): in a
 * short window, a laptop at 200% zoom say, its two lines are room the canvas needs. Its Hide
 * button is wired by the designer's script (wireNarrowNote).
 */
export function NarrowNote() {
  return (
    <div className={NOTE_CLASS} role="note">
      <p>
        The designer is made for windows at least 1024 px wide. Here the details panel opens over
        the canvas: select a service, or press Details. The <a href="/docs/">docs</a> fit any
        screen.
      </p>
      <button type="button" className="narrow-note-hide">
        Hide
      </button>
      {/* Hidden before the first paint when this tab hid it: the layout does not jump. */}
      <script dangerouslySetInnerHTML={{ __html: HIDE_IF_HIDDEN }} />
    </div>
  )
}

/**
 * Makes the note's Hide button work (the page's own script, HIDE_IF_HIDDEN, hides a note this
 * tab hid before; without storage the note shows until hidden on this page).
 */
export function wireNarrowNote(doc: Document = document): void {
  const note = doc.querySelector<HTMLElement>(`.${NOTE_CLASS}`)
  note?.querySelector('.narrow-note-hide')?.addEventListener('click', () => {
    note.hidden = true
    try {
      window.sessionStorage.setItem(HIDDEN_KEY, '1')
    } catch {
      // Hidden on this page only.
    }
  })
}
