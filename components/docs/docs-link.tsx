import type { ComponentProps } from 'react'

/** MDX's `a`: a plain link inside the site (the docs are static pages), a new tab for others. */
export function DocsLink({ href = '', children, ...rest }: ComponentProps<'a'>) {
  if (href.startsWith('/') || href.startsWith('#')) {
    return (
      <a href={href} {...rest}>
        {children}
      </a>
    )
  }
  return (
    <a href={href} target="_blank" rel="noreferrer" className="external-link" {...rest}>
      {children}
    </a>
  )
}
