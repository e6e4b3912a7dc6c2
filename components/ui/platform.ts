/**
 * The platform's names for modifier keys, for what the designer shows (it handles Ctrl and ⌘
 * alike). Client-only: the designer is not rendered on the server.
 */
export const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** How a key of a shortcut is written here: Ctrl and Alt are ⌘ and ⌥ on a Mac. */
export function keyLabel(key: string, mac = isMac()): string {
  if (!mac) return key
  return key === 'Ctrl' ? '⌘' : key === 'Alt' ? '⌥' : key
}

/** A shortcut as text, for titles: "Ctrl+Shift+Z", or "⌘⇧Z" on a Mac. */
export function shortcutText(keys: readonly string[], mac = isMac()): string {
  if (!mac) return keys.join('+')
  return keys.map((k) => (k === 'Shift' ? '⇧' : keyLabel(k, true))).join('')
}
