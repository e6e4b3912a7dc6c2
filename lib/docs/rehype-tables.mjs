// Reference tables that can be read on a phone: a table whose columns are a thing, its default
// (or file) and what it does gets the class `stack-narrow`, and each of its cells the header of
// its column as `data-label`. Below 640px the CSS (components/docs/prose.css) shows each row
// as a card, every cell under its column's name, instead of a table scrolling sideways.
// Plain JavaScript for the same reason as rehype-code.mjs; rehype-code runs it, because
// next.config.ts registers that plugin. Test: test/docs/rehype-tables.test.ts.

/** @param {any} node */
function textOf(node) {
  if (node.type === 'text') return node.value
  return (node.children ?? []).map(textOf).join('')
}

/** @param {any} node @param {string} tag */
const childElements = (node, tag) =>
  (node.children ?? []).filter((c) => c.type === 'element' && c.tagName === tag)

/**
 * Whether a table's header reads like a reference table: three columns or more, and either a
 * "Default" column or a first column naming a field or a setting.
 *
 * @param {string[]} headers
 */
export function isReferenceTable(headers) {
  if (headers.length < 3) return false
  return headers.includes('Default') || ['Field', 'Setting'].includes(headers[0] ?? '')
}

/** @param {any} table */
function labelTable(table) {
  const head = childElements(table, 'thead')[0]
  const headRow = head ? childElements(head, 'tr')[0] : undefined
  if (!headRow) return
  const headers = childElements(headRow, 'th').map((th) => textOf(th).trim())
  if (!isReferenceTable(headers)) return
  const classes = [table.properties?.className ?? []].flat().map(String)
  table.properties = { ...table.properties, className: [...classes, 'stack-narrow'] }
  for (const body of childElements(table, 'tbody'))
    for (const row of childElements(body, 'tr'))
      childElements(row, 'td').forEach((td, i) => {
        const label = headers[i]
        if (label) td.properties = { ...td.properties, dataLabel: label }
      })
}

/** @param {any} node */
export function labelReferenceTables(node) {
  for (const child of node.children ?? []) {
    if (child.type !== 'element') continue
    if (child.tagName === 'table') labelTable(child)
    else labelReferenceTables(child)
  }
}

export default function rehypeTables() {
  /** @param {any} tree */
  return (tree) => labelReferenceTables(tree)
}
