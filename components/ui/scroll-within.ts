/**
 * Scrolling an element into view inside its own scrolling box only. `scrollIntoView` also
 * scrolls every ancestor, the page included: in the designer (a full-window app whose page
 * never scrolls) that pushes the top bar out of sight.
 */

function scrollingBox(el: HTMLElement): HTMLElement | undefined {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p)
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight)
      return p
  }
  return undefined
}

/**
 * Scrolls `box` (default: `el`'s nearest scrolling ancestor) so that `el` sits at `at` of its
 * height (0: at the top, 0.5: centred). With `onlyIfHidden`, leaves it alone when `el` is in
 * sight already.
 */
export function scrollWithin(
  el: HTMLElement,
  at: number,
  options: { box?: HTMLElement | null; onlyIfHidden?: boolean } = {},
): void {
  const box = options.box ?? scrollingBox(el)
  if (!box) return
  const frame = box.getBoundingClientRect()
  const rect = el.getBoundingClientRect()
  if (options.onlyIfHidden && rect.top >= frame.top && rect.bottom <= frame.bottom) return
  box.scrollTop += rect.top - frame.top - (box.clientHeight - rect.height) * at
}
