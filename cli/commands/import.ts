// STUB: replaced by the helper that owns this command.
import type { Command } from '../command'

export const importCommand: Command = {
  name: 'import',
  summary: 'not implemented yet',
  usage: 'Usage: s6-designer import',
  run: async ({ stderr }) => {
    stderr('s6-designer import: not implemented yet\n')
    return 2
  },
}
