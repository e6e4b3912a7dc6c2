/**
 * The designer URL that opens a built-in example.
 * TODO: switch to the share-link codec (lib/share) once it lands, so edited graphs open too.
 */
export function designerHref(example: string): string {
  return `/?example=${encodeURIComponent(example)}`
}
