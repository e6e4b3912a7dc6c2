/** The one sentence an import is refused with. */

/**
 * `subject` was not imported, and why: `refusal('app.zip', 'it is empty')` ->
 * "app.zip was not imported: it is empty."
 */
export function refusal(subject: string, reason: string): string {
  return `${subject} was not imported: ${reason.replace(/\.$/, '')}.`
}
