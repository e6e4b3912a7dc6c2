import { describe, expect, it } from 'vitest'
import { exampleById } from '@/lib/examples'
import { exportFiles } from '@/lib/generate/export-files'
import { processTree } from '@/lib/plan/plan'
import { fileLanguage, fileNote, highlight, tokenLines } from '@/lib/preview/file-language'
import { dockerfileStage, installCommand, zipFileName } from '@/lib/preview/install-snippet'
import { countProcesses, processRows, resolveCount } from '@/lib/preview/process-rows'

const reference = exampleById('reference')!.graph
const files = exportFiles(reference)

describe('processRows', () => {
  it('draws the reference tree with guides, services and the worker count from PUMA_WORKERS', () => {
    const rows = processRows(processTree(reference), reference)
    expect(rows.map((r) => `${r.guide}${r.label}`)).toEqual([
      's6-svscan /run/service',
      '├── s6-supervise s6-linux-init-shutdownd',
      '│   └── s6-linux-init-shutdownd',
      '├── s6-supervise s6rc-fdholder',
      '├── s6-supervise s6rc-oneshot-runner',
      '│   └── s6-ipcserverd',
      '├── s6-supervise scheduler',
      '│   └── bin/ots scheduler',
      '├── s6-supervise web',
      '│   └── puma master',
      '│       └── puma worker',
      '└── s6-supervise worker',
      '    └── bin/ots worker',
    ])
    const worker = rows.find((r) => r.label === 'puma worker')!
    expect(worker).toMatchObject({ service: 'web', count: 'PUMA_WORKERS', resolvedCount: 2 })
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length)
    expect(countProcesses(rows)).toEqual({
      supervised: 3,
      internal: 3,
      processes: 14,
      atLeast: false,
    })
  })

  it('resolves counts from numbers and env values only', () => {
    expect(resolveCount(reference, 'web', 4)).toBe(4)
    expect(resolveCount(reference, 'web', 'PUMA_WORKERS')).toBe(2)
    expect(resolveCount(reference, 'web', 'NOPE')).toBeUndefined()
    expect(resolveCount(reference, 'web', 'REDIS_URL')).toBeUndefined()
  })
})

describe('install snippet', () => {
  it('names the zip after the project, made safe', () => {
    expect(zipFileName('onetimesecret')).toBe('onetimesecret-s6.zip')
    expect(zipFileName('My App!')).toBe('my-app-s6.zip')
    expect(zipFileName('../..')).toBe('app-s6.zip')
  })

  it('unzips at the repository root and builds the stage where the export puts it', () => {
    expect(installCommand(reference)).toBe(
      'unzip -o onetimesecret-s6.zip -d . && docker build -f docker/s6/Dockerfile --target final-s6 -t onetimesecret:s6 .',
    )
    const root = { ...reference, project: { ...reference.project, repoDir: '', stageName: 's6' } }
    expect(installCommand(root)).toContain('docker build -f Dockerfile --target s6 ')
    expect(files.has('docker/s6/Dockerfile')).toBe(true)
  })

  it('cuts the Dockerfile stage from its FROM line', () => {
    const stage = dockerfileStage(files.get('docker/s6/Dockerfile')!.contents)
    expect(stage.startsWith('FROM ruby:3.4-slim-bookworm AS final-s6\n')).toBe(true)
    expect(stage).toContain('ENTRYPOINT ["/init"]')
  })
})

describe('file languages', () => {
  it('picks a highlighter per exported file', () => {
    const lang = (suffix: string) => {
      const path = [...files.keys()].find((p) => p.endsWith(suffix))!
      return fileLanguage(path, files.get(path)!.contents)
    }
    expect(lang('/Dockerfile')).toBe('dockerfile')
    expect(lang('/README.md')).toBe('markdown')
    expect(lang('/build.sh')).toBe('sh')
    expect(lang('/web/run')).toBe('sh')
    expect(lang('/config-check/up')).toBe('execline')
    expect(lang('/web/type')).toBe('plain')
    expect(fileLanguage('x/run', '#!/command/execlineb -P\nfoo\n')).toBe('execline')
  })

  it('cuts tokens into lines', () => {
    const lines = tokenLines(highlight('sh', 'echo "a\nb"\nexit 0\n'))
    expect(lines).toHaveLength(3)
    expect(lines.map((l) => l.map((t) => t.text).join(''))).toEqual(['echo "a', 'b"', 'exit 0'])
    expect(tokenLines(highlight('plain', ''))).toEqual([])
  })

  it('explains marker files', () => {
    expect(fileNote('a/s6-rc.d/worker/dependencies.d/web')).toMatch(/starts after web/)
    expect(fileNote('a/s6-rc.d/web/timeout-kill')).toMatch(/SIGKILL/)
    expect(fileNote('a/unknown')).toBeUndefined()
  })
})
