import Link from 'next/link'
import type { ComponentProps } from 'react'

/** MDX's `a`: client-side navigation inside the site, a new tab for other sites. */
export function DocsLink({ href = '', children, ...rest }: ComponentProps<'a'>) {
  if (href.startsWith('/')) {
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    )
  }
  if (href.startsWith('#')) {
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
