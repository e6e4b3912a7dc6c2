import type { MDXComponents } from 'mdx/types'
import type { ComponentProps, ReactNode } from 'react'
import { AnchoredHeading } from '@/components/docs/anchored-heading'
import { BenchTable } from '@/components/docs/bench-table'
import { Callout } from '@/components/docs/callout'
import { CodeBlock } from '@/components/docs/code-block'
import { DocsLink } from '@/components/docs/docs-link'
import { FileExplorer, GraphPreview, OrderSimulator } from '@/components/docs/live/widgets'
import { OverlayVersionsTable } from '@/components/docs/overlay-versions-table'
import { S6SettingsTable } from '@/components/docs/s6-settings-table'

type CalloutProps = { title?: string; children: ReactNode }

// Registered once for every MDX page. The live widgets render to HTML at build time; their
// code (and the lib/ they use) loads only on the pages that show them, as they scroll near.
const components: MDXComponents = {
  h2: (props: ComponentProps<'h2'>) => <AnchoredHeading level={2} {...props} />,
  h3: (props: ComponentProps<'h3'>) => <AnchoredHeading level={3} {...props} />,
  h4: (props: ComponentProps<'h4'>) => <AnchoredHeading level={4} {...props} />,
  a: DocsLink,
  pre: CodeBlock,
  table: (props: ComponentProps<'table'>) => (
    <div className="table-scroll">
      <table {...props} />
    </div>
  ),
  Note: (props: CalloutProps) => <Callout kind="note" {...props} />,
  Tip: (props: CalloutProps) => <Callout kind="tip" {...props} />,
  Warning: (props: CalloutProps) => <Callout kind="warning" {...props} />,
  BenchTable,
  FileExplorer,
  GraphPreview,
  OrderSimulator,
  OverlayVersionsTable,
  S6SettingsTable,
}

export function useMDXComponents(): MDXComponents {
  return components
}
