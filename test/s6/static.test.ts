/**
 * The exported scripts checked by the real tools: execlineb parses every `up`/`down` line and
 * every execline script; shellcheck passes every sh script, warnings included.
 */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync, writeFileSync } from 'node:fs'
import { exportFiles } from '@/lib/generate/export-files'
import type { FileMap } from '@/lib/generate/file-map'
import type { ServiceGraph } from '@/lib/graph/types'
import { validate } from '@/lib/graph/validate'
import { exampleGraphs } from '../fixtures/graphs'
import { featureGraph } from './graphs'
import { fakeBin, run, tempDir, writeFiles } from './helpers'

const tmp = tempDir('static')
const bin = fakeBin(join(tmp, 'bin'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const graphs: Record<string, ServiceGraph> = { feature: featureGraph(), ...exampleGraphs() }

type Kind = 'line' | 'execline-P' | 'execline-S0' | 'sh' | 'other'

function kindOf(path: string, contents: string): Kind {
  if (/\/s6-rc\.d\/[^/]+\/(up|down)$/.test(path)) return 'line'
  const first = contents.split('\n')[0] ?? ''
  if (first === '#!/command/execlineb -P') return 'execline-P'
  if (first === '#!/command/execlineb -S0') return 'execline-S0'
  if (first === '#!/bin/sh' || first === '#!/command/with-contenv sh') return 'sh'
  return 'other'
}

/**
 * Parses execline text with the real execlineb without running any of it: the script is put
 * behind an argv dumper, so execlineb lexes everything (braces, quotes, comments) and hands
 * the words to the dumper. Returns the words, or throws with execlineb's error.
 */
function execlineWords(text: string, flags: string, args: string[] = []): string[] {
  const body = text.startsWith('#!') ? text.slice(text.indexOf('\n') + 1) : text
  const file = join(tmp, 'parse.el')
  writeFileSync(file, `${join(bin, 'argv-dump')}\n${body}`)
  const r = run('execlineb', [flags, file, ...args])
  if (r.code !== 0) throw new Error(`execlineb ${flags}: exit ${r.code}: ${r.stderr}`)
  return r.stdout.split('\0').slice(0, -1)
}

function scripts(files: FileMap, kind: Kind): Array<[string, string]> {
  return [...files]
    .filter(([p, f]) => kindOf(p, f.contents) === kind)
    .map(([p, f]) => [p, f.contents])
}

describe('the examples and the feature graph are valid designs', () => {
  it('validate reports no errors', () => {
    for (const [name, g] of Object.entries(graphs)) {
      expect(
        validate(g).filter((d) => d.severity === 'error'),
        name,
      ).toEqual([])
    }
  })
})

describe('execlineb parses the exported execline', () => {
  for (const [name, graph] of Object.entries(graphs)) {
    it(`${name}: every up/down line is one call of a script under /etc/s6-overlay/scripts`, () => {
      const lines = scripts(exportFiles(graph), 'line')
      expect(lines.length).toBeGreaterThan(name === 'feature' ? 3 : 0)
      for (const [path, text] of lines) {
        const words = execlineWords(text, '-P')
        const [, service, action] = /s6-rc\.d\/([^/]+)\/(up|down)$/.exec(path) as RegExpExecArray
        expect(words, path).toEqual([
          `/etc/s6-overlay/scripts/${service}${action === 'down' ? '-down' : ''}`,
        ])
      }
    })

    it(`${name}: every execline script parses, and the added lines lose their marker comment`, () => {
      const files = exportFiles(graph)
      for (const [kind, flags, args] of [
        ['execline-P', '-P', []],
        ['execline-S0', '-S0', ['0', '0', 'svc']],
      ] as const) {
        for (const [path, text] of scripts(files, kind)) {
          const words = execlineWords(text, flags, [...args])
          expect(words.length, path).toBeGreaterThan(0)
          expect(words, path).not.toContain('#')
          expect(words, path).not.toContain('s6-designer')
          if (text.includes('with-contenv # s6-designer'))
            expect(words[0], path).toBe('with-contenv')
        }
      }
    })
  }

  it('the feature graph chains its wrappers as execline words', () => {
    const files = exportFiles(featureGraph())
    const run = files.get('docker/s6/rootfs/etc/s6-overlay/s6-rc.d/worker/run')?.contents as string
    expect(execlineWords(run, '-P')).toEqual([
      'with-contenv',
      's6-envdir',
      '-Lf',
      './env',
      's6-notifyoncheck',
      '-d',
      '-n',
      '0',
      'cd',
      '/srv/app',
      'foreground',
      ' echo',
      ' starting',
      '',
      './worker',
    ])
  })
})

describe('shellcheck passes the exported sh scripts', () => {
  function check(graph: ServiceGraph, exclude: string[] = []): void {
    const dir = join(tmp, 'sh', Math.random().toString(36).slice(2))
    const files = exportFiles(graph)
    writeFiles(dir, files)
    const list = [
      ...scripts(files, 'sh').map(([p]) => p),
      ...[...files.keys()].filter((p) => p.endsWith('/build.sh')),
    ]
    expect(list.length).toBeGreaterThan(1)
    const args = [
      '--shell=sh',
      '--severity=style',
      '--format=gcc',
      ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : []),
    ]
    const r = run('shellcheck', [...args, ...list], { cwd: dir })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.code).toBe(0)
  }

  it('feature graph: run, finish, data/check, oneshot scripts and build.sh, with every warning', () => {
    check(featureGraph())
  })

  for (const [name, graph] of Object.entries(exampleGraphs())) {
    it(`${name} example: every script, with every warning`, () => {
      check(graph)
    })
  }
})
