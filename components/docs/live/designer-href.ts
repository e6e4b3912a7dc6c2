/** The designer URL that opens a built-in example (a widget swaps in a share link once live). */
export function designerHref(example: string): string {
  return `/?example=${encodeURIComponent(example)}`
}
