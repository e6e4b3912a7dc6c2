import type { ComponentProps } from 'react'
import { CopyButton } from './copy-button'

type PreProps = ComponentProps<'pre'> & { 'data-language'?: string; 'data-title'?: string }

const LANGUAGE_LABELS: Record<string, string> = {
  sh: 'Shell',
  bash: 'Shell',
  shell: 'Shell',
  console: 'Terminal',
  dockerfile: 'Dockerfile',
  Dockerfile: 'Dockerfile',
  json: 'JSON',
  execline: 'execline',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  yaml: 'YAML',
  text: 'Text',
}

/**
 * MDX's `pre`: a block rehype-code already highlighted, framed with its title (or language)
 * and a copy button.
 */
export function CodeBlock(props: PreProps) {
  const { 'data-language': language, 'data-title': title, className, ...rest } = props
  const label = title ?? LANGUAGE_LABELS[language ?? ''] ?? language
  return (
    <div className="code-block" data-language={language}>
      <div className="code-block-bar">
        <span className={title ? 'code-block-title' : 'code-block-lang'}>{label}</span>
        <CopyButton />
      </div>
      <pre className={className} {...rest} />
    </div>
  )
}
