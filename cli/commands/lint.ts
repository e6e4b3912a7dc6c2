// STUB: replaced by the helper that owns this command.
import type { Command } from '../command'

export const lintCommand: Command = {
  name: 'lint',
  summary: 'not implemented yet',
  usage: 'Usage: s6-designer lint',
  run: async ({ stderr }) => {
    stderr('s6-designer lint: not implemented yet\n')
    return 2
  },
}
