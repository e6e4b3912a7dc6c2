import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageAssets } from '@/lib/client-assets'

function site(manifests: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 's6d-assets-'))
  for (const [dir, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, 'public', dir), { recursive: true })
    writeFileSync(join(root, 'public', dir, 'manifest.json'), JSON.stringify(manifest))
  }
  return root
}

describe('client assets (the manifests scripts/build-client.mjs writes)', () => {
  it("reads each page's script and stylesheet", () => {
    const root = site({
      'designer-client': {
        entry: '/designer-client/designer-AB12.js',
        css: '/designer-client/designer-0a1b2c.css',
        start: ['/designer-client/chunks/mount-XY.js'],
      },
      'docs-client': { entry: '/docs-client/docs-CD34.js', css: '/docs-client/docs-EF56.css' },
    })
    expect(pageAssets('designer-client', root)).toEqual({
      entry: '/designer-client/designer-AB12.js',
      css: '/designer-client/designer-0a1b2c.css',
    })
    expect(pageAssets('docs-client', root)).toEqual({
      entry: '/docs-client/docs-CD34.js',
      css: '/docs-client/docs-EF56.css',
    })
  })

  it('says to build the scripts when a manifest is missing', () => {
    const root = site({})
    expect(() => pageAssets('designer-client', root)).toThrow(
      /designer-client\/manifest\.json is missing: run `npm run build:client`/,
    )
    expect(() => pageAssets('docs-client', root)).toThrow(/docs-client\/manifest\.json is missing/)
  })

  it('refuses a manifest that names files outside its folder or of the wrong kind', () => {
    const good = { entry: '/designer-client/d.js', css: '/designer-client/d.css' }
    for (const bad of [
      { ...good, entry: '/elsewhere/d.js' },
      { ...good, entry: '/designer-client/../x.js' },
      { ...good, entry: '/docs-client/d.js' },
      { ...good, css: '/designer-client/d.js' },
      { ...good, css: undefined },
      { ...good, entry: '/designer-client/d.js"><script>' },
    ]) {
      const root = site({ 'designer-client': bad })
      expect(() => pageAssets('designer-client', root)).toThrow(/does not name its (js|css) files/)
    }
  })
})
