/**
 * Under 1024 px (CSS shows it only there): the designer keeps its layout and the page scrolls
 * sideways. Part of the static page, so it is painted with the first frame, not when the
 * designer has loaded.
 */
export function NarrowNote() {
  return (
    <p className="narrow-note" role="note">
      The designer needs a window at least 1024 px wide: scroll sideways to reach the side panel, or
      open it on a larger screen. The <a href="/docs/">docs</a> fit any screen.
    </p>
  )
}
