import createMDX from '@next/mdx'
import type { NextConfig } from 'next'
import { join } from 'node:path'

const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  images: { unoptimized: true },
  reactStrictMode: true,
}

// Plugins by name or absolute path (strings), as Turbopack requires serializable options.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm'],
    rehypePlugins: ['rehype-slug', join(process.cwd(), 'lib/docs/rehype-code.mjs')],
  },
})

export default withMDX(nextConfig)
