/**
 * Values in Dockerfile instructions. In a double-quoted ENV value the Dockerfile parser
 * removes a backslash before any character and expands `$NAME`, so `\`, `"` and `$` are
 * escaped; backticks and non-ASCII are plain characters. A newline cannot be written at all
 * (a trailing backslash only joins lines).
 */

/** Whether an env var name is valid in a Dockerfile `ENV NAME="value"` (and in a shell). */
export function isDockerEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
}

/** Whether a value can be written in a Dockerfile ENV instruction. */
export function isDockerEnvValue(value: string): boolean {
  return !/[\n\r\0]/.test(value)
}

/**
 * A double-quoted ENV value.
 *
 * @example
 * dockerQuote('a "b" $HOME \\') // '"a \\"b\\" \\$HOME \\\\"'
 */
export function dockerQuote(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`
}

/**
 * What BuildKit reads from a double-quoted value: `\"`, `\$` and `\\` lose their backslash,
 * any other backslash stays (moby/buildkit `frontend/dockerfile/shell/lex.go`). For tests.
 */
export function dockerUnquote(quoted: string): string {
  const inner = quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted
  return inner.replace(/\\(["$\\])/g, '$1')
}

/** A path for COPY: plain when it has no blanks or quotes, else in the JSON form. */
export function needsJsonForm(path: string): boolean {
  return /[\s"'\\$]/.test(path)
}
