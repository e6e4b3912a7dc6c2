/**
 * `s6-designer share GRAPH.json` and `s6-designer open LINK --out GRAPH.json`: the site's share
 * links from a command line. What a link carries is what the site's Share button puts in it:
 * the design with its secret values blanked.
 */
import { resolve } from 'node:path'
import { redactSecrets, secretCount } from '../../lib/generate/redact'
import { parseGraph, serializeGraph } from '../../lib/graph/parse'
import {
  decodeShareLink,
  LINK_COMFORT_LENGTH,
  LINK_MAX_RECOMMENDED,
  shareUrl,
} from '../../lib/share/codec'
import type { Command } from '../command'
import { UsageError } from '../command'
import {
  InputError,
  STDIN_ARG,
  checkOutFile,
  displayPath,
  inputPath,
  readJsonFile,
  writeTextFile,
} from '../fs'
import { onePositional, parseArgs } from '../tree-source'

/** The environment variable that gives --base when it is not given. */
const BASE_ENV = 'S6_DESIGNER_URL'

const SHARE_USAGE = `Usage: s6-designer share GRAPH.json --base URL

Prints the share link of a design (a graph .json file): the whole design rides in the link's
fragment, as with the site's Share button. Secret values are left out, as in the export.
- reads the graph from standard input.

  --base URL  the address of the s6 Designer the link opens, for example
              https://designer.example.org/ (required, unless ${BASE_ENV} gives it)

Exit status: 0 printed, 2 usage or read problem.`

const OPEN_USAGE = `Usage: s6-designer open LINK --out GRAPH.json [--replace]

Decodes a share link (the whole URL, its #fragment or the s6g=… part) into a graph file.
A link whose # a chat app wrote %23 opens too.

  --out FILE  write the graph there (its folder is created); - prints it on stdout
  --replace   replace FILE if it exists

Exit status: 0 written, 2 usage problem, a link that cannot be opened, or a write problem
(nothing written).`

function parseBase(base: string, from: string): string {
  try {
    return new URL(base).href
  } catch {
    throw new UsageError(`${from} ${base} is not a URL (for example https://example.org/s6/)`)
  }
}

export const shareCommand: Command = {
  name: 'share',
  summary: 'print the share link of a graph file',
  usage: SHARE_USAGE,
  run: async ({ args, stdout, stderr, cwd, env }) => {
    const parsed = parseArgs(args, { options: ['--base'] })
    const file = onePositional(parsed, 'GRAPH.json')
    const bases = parsed.options.get('--base') ?? []
    if (bases.length > 1) throw new UsageError('give --base once')
    const fromEnv = env[BASE_ENV] || undefined
    if (bases[0] === undefined && fromEnv === undefined)
      throw new UsageError(
        `missing --base URL: the address of the s6 Designer the link should open, for example --base https://designer.example.org/ (or set ${BASE_ENV})`,
      )
    const base =
      bases[0] !== undefined
        ? parseBase(bases[0], '--base')
        : parseBase(fromEnv as string, BASE_ENV)
    const read = parseGraph(await readJsonFile(inputPath(cwd, file), file))
    if (!read.ok) throw new InputError(`${file}: ${read.error}`)
    for (const note of read.notes) stderr(`note: ${note}\n`)
    const url = await shareUrl(base, redactSecrets(read.graph))
    stdout(`${url}\n`)
    const secrets = secretCount(read.graph)
    if (secrets > 0)
      stderr(
        `note: ${secrets} secret ${secrets === 1 ? 'value is' : 'values are'} left out of the link\n`,
      )
    if (url.length > LINK_MAX_RECOMMENDED) {
      stderr(
        `note: the link is ${url.length} characters; above ${LINK_MAX_RECOMMENDED} share the JSON file instead\n`,
      )
    } else if (url.length > LINK_COMFORT_LENGTH) {
      stderr(
        `note: the link is ${url.length} characters; some chat apps cut links above ${LINK_COMFORT_LENGTH}\n`,
      )
    }
    return 0
  },
}

export const openCommand: Command = {
  name: 'open',
  summary: 'decode a share link into a graph file',
  usage: OPEN_USAGE,
  run: async ({ args, stdout, stderr, cwd }) => {
    const parsed = parseArgs(args, { flags: ['--replace'], options: ['--out'] })
    const link = onePositional(parsed, 'LINK')
    const outs = parsed.options.get('--out') ?? []
    if (outs.length !== 1)
      throw new UsageError(outs.length === 0 ? 'missing --out GRAPH.json' : 'give --out once')
    const out = outs[0] as string
    const replace = parsed.flags.has('--replace')
    const toStdout = out === STDIN_ARG
    if (!toStdout) await checkOutFile(resolve(cwd, out), out, replace)
    const result = await decodeShareLink(link)
    if (!result.ok) {
      stderr(`s6-designer open: ${result.error}\n`)
      return 2
    }
    for (const note of result.notes) stderr(`note: ${note}\n`)
    if (toStdout) {
      stdout(serializeGraph(result.graph))
      return 0
    }
    await writeTextFile(resolve(cwd, out), serializeGraph(result.graph), { replace, name: out })
    const n = Object.keys(result.graph.services).length
    stdout(`wrote ${displayPath(cwd, out)} (${n} service${n === 1 ? '' : 's'})\n`)
    return 0
  },
}

export const shareCommands: Command[] = [shareCommand, openCommand]
