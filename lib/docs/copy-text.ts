/**
 * What a code block's Copy button copies. A `console` block shows a session, commands after a
 * `$ ` prompt and their output: it copies the commands only, without the prompt (a command
 * continued with a trailing backslash keeps its next lines). Any other block is copied as shown.
 *
 * @example
 * copyText('console', '$ npm ci\nadded 3 packages') // 'npm ci'
 */
export function copyText(language: string | undefined, shown: string): string {
  const text = shown.replace(/\n$/, '')
  if (language !== 'console') return text
  const commands: string[] = []
  let continued = false
  for (const line of text.split('\n')) {
    if (continued) commands.push(line)
    else if (line.startsWith('$ ')) commands.push(line.slice(2))
    else continue
    continued = line.endsWith('\\')
  }
  return commands.length > 0 ? commands.join('\n') : text
}
