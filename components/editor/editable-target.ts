/** Whether keyboard shortcuts should leave this event to a text field or a menu. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type)
  }
  return false
}

/** Fields typed in since they last got the focus (see `watchTyping`). */
const typedIn = new WeakSet<EventTarget>()

/**
 * Notes which field the user types in, for `fieldOwnsUndo`. Returns the function that stops.
 */
export function watchTyping(): () => void {
  const onInput = (e: Event) => {
    if (e.target) typedIn.add(e.target)
  }
  const onFocus = (e: FocusEvent) => {
    if (e.target) typedIn.delete(e.target)
  }
  document.addEventListener('input', onInput, true)
  document.addEventListener('focusin', onFocus, true)
  return () => {
    document.removeEventListener('input', onInput, true)
    document.removeEventListener('focusin', onFocus, true)
  }
}

/**
 * Whether Ctrl+Z belongs to the field that has the focus: a text field the user has typed in
 * since it got the focus (its own undo takes that typing back). Otherwise it undoes the last
 * change to the design, as outside any field: a list has no undo of its own, and a name field
 * the focus just landed in (after adding or renaming a service) has nothing to undo yet.
 */
export function fieldOwnsUndo(target: EventTarget | null): boolean {
  if (!isEditableTarget(target) || (target as HTMLElement).tagName === 'SELECT') return false
  return typedIn.has(target as HTMLElement)
}
