import { describe, expect, it } from 'vitest'
import { bundle, findingsOf, graphOf, longrun, oneshot } from '../../fixtures/graphs'

describe('validate: names', () => {
  it.each([
    ['', 'is empty'],
    ['a/b', 'slash'],
    ['a\nb', 'line break'],
    ['.hidden', 'starts with a dot'],
  ])('reports the invalid name %j', (name, words) => {
    const found = findingsOf(graphOf({ [name]: longrun() }), 'invalid-name')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('error')
    expect(found[0]!.message).toContain(words)
  })

  it.each([
    ['my service', 'space'],
    ['café', 'non-ASCII'],
    ['-web', 'letter or a digit'],
    ['a'.repeat(65), '64'],
    ['web.1', 'characters other than'],
  ])('refuses the name %j that s6 accepts but the export cannot use', (name, words) => {
    const found = findingsOf(graphOf({ [name]: longrun() }), 'unsafe-name')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain(words)
  })

  it('accepts ordinary names, including ones that are Object.prototype keys', () => {
    const g = graphOf({
      web: longrun(),
      Web_2: longrun(),
      '9lives': oneshot(),
      constructor: longrun(),
    })
    expect(findingsOf(g, 'invalid-name')).toEqual([])
    expect(findingsOf(g, 'unsafe-name')).toEqual([])
    expect(findingsOf(g, 'missing-member')).toEqual([])
  })

  it('reports a carriage return in a name', () => {
    expect(findingsOf(graphOf({ 'web\r': longrun() }), 'carriage-return')[0]?.field).toBe('name')
  })

  it('reports reserved prefixes on names and on references', () => {
    const g = graphOf({
      's6rc-helper': longrun(),
      web: longrun({ dependencies: ['s6rc-oneshot-runner'] }),
      grp: bundle({ contents: ['s6-rc-x'] }),
      user: bundle({ contents: ['web', 'grp'] }),
    })
    const found = findingsOf(g, 'reserved-name')
    expect(found.map((d) => [d.service, d.field])).toEqual([
      ['grp', 'contents.0'],
      ['s6rc-helper', 'name'],
      ['web', 'dependencies.0'],
    ])
    expect(findingsOf(g, 'missing-dependency')).toEqual([])
    expect(findingsOf(graphOf({ s6rcx: longrun() }), 'reserved-name')).toEqual([])
  })

  it('reports a service redefining an s6-overlay name, but not a dependency on it', () => {
    const g = graphOf({
      base: oneshot(),
      web: longrun({ dependencies: ['base', 'legacy-services'] }),
    })
    expect(findingsOf(g, 'overlay-name').map((d) => d.service)).toEqual(['base'])
    expect(findingsOf(g, 'missing-dependency')).toEqual([])
    const ok = graphOf({ web: longrun({ dependencies: ['base'] }) })
    expect(findingsOf(ok, 'overlay-name')).toEqual([])
  })

  it('treats overlay names as ordinary in the plain context', () => {
    const g = graphOf({ base: oneshot(), top: bundle({ contents: ['base'] }) })
    expect(findingsOf(g, 'overlay-name', 'plain')).toEqual([])
    expect(
      findingsOf(
        graphOf({ web: longrun({ dependencies: ['base'] }) }),
        'missing-dependency',
        'plain',
      ),
    ).toHaveLength(1)
  })

  it('warns about syslogd overlay names', () => {
    const found = findingsOf(graphOf({ syslogd: longrun() }), 'syslogd-name')
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('warning')
    expect(findingsOf(graphOf({ syslog: longrun() }), 'syslogd-name')).toEqual([])
  })

  it('requires the user bundle, and user and user2 to be bundles', () => {
    const g = graphOf({ web: longrun() })
    delete (g.services as Record<string, unknown>).user
    expect(findingsOf(g, 'missing-user-bundle')).toHaveLength(1)
    expect(findingsOf(graphOf({ web: longrun() }), 'missing-user-bundle')).toEqual([])
    expect(findingsOf(g, 'missing-user-bundle', 'plain')).toEqual([])
    const wrong = graphOf({ user: longrun(), user2: oneshot() })
    expect(findingsOf(wrong, 'overlay-bundle-type').map((d) => d.service)).toEqual([
      'user',
      'user2',
    ])
    expect(findingsOf(graphOf({ user2: bundle() }), 'overlay-bundle-type')).toEqual([])
  })

  describe('pipeline names', () => {
    const pipeline = (pipelineName: string, extra = {}) =>
      graphOf({
        app: longrun({ producerFor: 'app-log' }),
        'app-log': longrun({ consumerFor: ['app'], pipelineName }),
        ...extra,
      })

    it('reports a pipeline name equal to a service name', () => {
      const found = findingsOf(pipeline('app'), 'duplicate-name')
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({
        service: 'app-log',
        field: 'pipelineName',
        file: 'pipeline-name',
      })
      expect(findingsOf(pipeline('app-pipeline'), 'duplicate-name')).toEqual([])
    })

    it('reports a pipeline name equal to an s6-overlay name', () => {
      expect(findingsOf(pipeline('base'), 'duplicate-name')).toHaveLength(1)
    })

    it('reports two pipelines with the same name, on both', () => {
      const g = pipeline('p', {
        db: longrun({ producerFor: 'db-log' }),
        'db-log': longrun({ consumerFor: ['db'], pipelineName: 'p' }),
      })
      expect(findingsOf(g, 'duplicate-name').map((d) => d.service)).toEqual(['app-log', 'db-log'])
    })

    it('checks the pipeline name itself', () => {
      expect(findingsOf(pipeline('s6rc-p'), 'reserved-name')[0]?.field).toBe('pipelineName')
      expect(findingsOf(pipeline('a p'), 'unsafe-name')[0]?.field).toBe('pipelineName')
    })
  })
})

describe('names that differ only in case', () => {
  it('warns on each of them, and not about names that differ otherwise', () => {
    const g = graphOf({ web: longrun(), WEB: longrun(), Web: oneshot(), worker: longrun() })
    const found = findingsOf(g, 'name-case-clash')
    expect(found.map((d) => d.service).sort()).toEqual(['WEB', 'Web', 'web'])
    expect(found.every((d) => d.severity === 'warning' && d.field === 'name')).toBe(true)
    expect(found.find((d) => d.service === 'web')?.message).toMatch(/differs from WEB, Web only/)
    expect(findingsOf(graphOf({ web: longrun(), web2: longrun() }), 'name-case-clash')).toEqual([])
  })

  it('finds clashes without a lower-case name among them, and across bundles', () => {
    const g = graphOf({ Api: longrun(), API: longrun(), Cron: bundle({ contents: [] }) })
    const found = findingsOf(g, 'name-case-clash')
    expect(found.map((d) => d.service).sort()).toEqual(['API', 'Api'])
    expect(found.find((d) => d.service === 'API')?.message).toMatch(/differs from Api only/)
    const mixed = graphOf({ cron: oneshot(), CRON: bundle({ contents: [] }) })
    expect(findingsOf(mixed, 'name-case-clash').map((d) => d.service)).toEqual(['CRON', 'cron'])
  })
})
