/**
 * The designer's controls as the guide names them: **bold** text the prose presents as a
 * button, field, switch, tab or menu item. A docs test checks each one against the labels in
 * the components' source, so the guide cannot send readers after a control that does not exist.
 */
import { contentLines, inlineText } from './mdx-text'

/** A bold name used as a control, where it was found. */
export interface UiNameUse {
  name: string
  /** 1-based line in the MDX source. */
  line: number
}

const BOLD = /\*\*(.+?)\*\*/g

/** Words that, right before a bold name, make it something to click, pick or find. */
const ACTION_BEFORE =
  /(?:\b(?:click|choose|select|pick|press|tick|untick|turn on|turn off|switch on|switch off|scroll to|fill in)(?:\s+(?:the|its))?|\bproject's|\bproject setting|\binspector's|\b(?:switch|button|field|tab|menu item)(?: reads)?)\s+$/i

/** Words that, right after a bold name, say what kind of control it is. */
const CONTROL_AFTER =
  /^\s+(?:tab|switch|field|button|setting|list|panel|menu|toggle|checkbox|counter|item)\b/i

/** `**Name** (`fieldKey`…`: a field named with its key in a graph file. */
const FIELD_KEY_AFTER = /^\s*(?:<br\s*\/>|\()\s*`[a-z][A-Za-z.]*`/

/**
 * Every bold name an MDX source presents as a control of the designer: after an action word
 * ("choose **X**"), before a kind of control ("the **X** switch"), or with the field's key in
 * a graph file ("**X**<br />`key`" in a reference table, "**X** (`key`)").
 *
 * @example uiNames('Select a longrun and choose **Add logger**.') // [{ name: 'Add logger', line: 1 }]
 */
export function uiNames(source: string): UiNameUse[] {
  const uses: UiNameUse[] = []
  for (const { text, code, line } of contentLines(source)) {
    if (code) continue
    for (const m of text.matchAll(BOLD)) {
      const before = text.slice(0, m.index)
      const after = text.slice(m.index + m[0].length)
      if (ACTION_BEFORE.test(before) || CONTROL_AFTER.test(after) || FIELD_KEY_AFTER.test(after))
        uses.push({ name: inlineText(m[1] ?? '').trim(), line })
    }
  }
  return uses
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Matchers for the labels in components' source: the source itself (a name must occur as
 * whole words), plus one pattern per label built at run time, where each `${…}` of a template
 * literal and each `{…}` of a JSX line stands for any text (`Logger for ${selected}`,
 * `{e.from} <span>needs</span> {e.to}`), when its literal text has a word of three letters or more.
 */
export function labelMatcher(sources: readonly string[]): (name: string) => boolean {
  const text = sources.join('\n')
  const patterns: RegExp[] = []
  const toPattern = (parts: string[]) => {
    // A label needs a word of its own: `${name}: ${value}` would match anything.
    if (!/\p{L}{3,}/u.test(parts.filter((_, j) => j % 2 === 0).join(' '))) return
    patterns.push(
      new RegExp(`^${parts.map((p, j) => (j % 2 === 0 ? escapeRegExp(p) : '.+?')).join('')}$`, 'u'),
    )
  }
  for (const m of text.matchAll(/`([^`]*\$\{[^`]*)`/g))
    toPattern((m[1] ?? '').split(/\$\{[^}]*\}/).flatMap((p, j) => (j === 0 ? [p] : ['', p])))
  for (const line of text.split('\n')) {
    const jsx = line.trim().replace(/<\/?[A-Za-z][^>]*>/g, '')
    if (!/^[^<>=;()]*\{[\w.?]+\}[^<>=;()]*$/.test(jsx)) continue
    toPattern(jsx.split(/\{[\w.?]+\}/).flatMap((p, j) => (j === 0 ? [p] : ['', p])))
  }
  return (name) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'u').test(text) ||
    patterns.some((p) => p.test(name))
}
