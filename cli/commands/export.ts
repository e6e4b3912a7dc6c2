// STUB: replaced by the helper that owns this command.
import type { Command } from '../command'

export const exportCommand: Command = {
  name: 'export',
  summary: 'not implemented yet',
  usage: 'Usage: s6-designer export',
  run: async ({ stderr }) => {
    stderr('s6-designer export: not implemented yet\n')
    return 2
  },
}
