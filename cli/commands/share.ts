import { readFile, writeFile } from 'node:fs/promises'
import { parseGraph, serializeGraph } from '../../lib/graph/parse'
import {
  decodeShareLink,
  LINK_COMFORT_LENGTH,
  LINK_MAX_RECOMMENDED,
  shareUrl,
} from '../../lib/share/codec'
import type { Command } from '../command'
import { UsageError } from '../command'

const DEFAULT_BASE = 'http://localhost:3000/'

async function readGraphFile(path: string) {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error(`${path} is not JSON`)
  }
  const parsed = parseGraph(data)
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`)
  return parsed.graph
}

export const shareCommand: Command = {
  name: 'share',
  summary: 'print the share link of a graph file',
  usage: 'Usage: s6-designer share GRAPH.json [--base URL]   (default base http://localhost:3000/)',
  run: async ({ args, stdout, stderr }) => {
    const baseAt = args.indexOf('--base')
    const base = baseAt >= 0 ? args[baseAt + 1] : DEFAULT_BASE
    if (baseAt >= 0 && !base) throw new UsageError('--base needs a URL')
    const files = args.filter((a, i) => !a.startsWith('--') && (baseAt < 0 || i !== baseAt + 1))
    if (files.length !== 1 || !files[0]) throw new UsageError('give exactly one graph file')
    const graph = await readGraphFile(files[0])
    const url = await shareUrl(base ?? DEFAULT_BASE, graph)
    stdout(`${url}\n`)
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
  usage: 'Usage: s6-designer open LINK --out GRAPH.json',
  run: async ({ args, stdout, stderr }) => {
    const outAt = args.indexOf('--out')
    const out = outAt >= 0 ? args[outAt + 1] : undefined
    const links = args.filter((a, i) => !a.startsWith('--') && i !== outAt + 1)
    if (!out) throw new UsageError('--out GRAPH.json is required')
    if (links.length !== 1 || !links[0]) throw new UsageError('give exactly one link')
    const result = await decodeShareLink(links[0])
    if (!result.ok) {
      stderr(`s6-designer open: ${result.error}\n`)
      return 1
    }
    try {
      await writeFile(out, serializeGraph(result.graph))
    } catch (error) {
      throw new Error(
        `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      )
    }
    stdout(`wrote ${out} (${Object.keys(result.graph.services).length} services)\n`)
    return 0
  },
}

export const shareCommands: Command[] = [shareCommand, openCommand]
