/**
 * The docs sidebar as data: sections of pages, in reading order. The `[[...slug]]` route, the
 * previous/next links, the search index and the link check all read this list, so adding a
 * page is one entry here plus one `content/docs/<file>.mdx`.
 */

/** One MDX page of the guide. */
export interface DocPage {
  /** URL path under /docs, without slashes; '' is the docs home. */
  slug: string
  /** MDX file in content/docs, without `.mdx`. */
  file: string
  /** Sidebar label and page heading, sentence case. */
  title: string
  /** One sentence under the title, also used as the page's meta description. */
  description: string
}

/** A generated page that is not an MDX file (the diagnostics catalogue). */
export interface DocLink {
  /** Absolute path with a trailing slash, for example /docs/diagnostics/. */
  href: string
  title: string
  description: string
}

export interface NavSection {
  title: string
  items: (DocPage | DocLink)[]
}

export const DOCS_NAV: readonly NavSection[] = [
  {
    title: 'Start here',
    items: [
      {
        slug: '',
        file: 'index',
        title: 'Overview',
        description: 'What s6 Designer makes for you, and how this guide is organised.',
      },
      {
        slug: 'getting-started',
        file: 'getting-started',
        title: 'Getting started',
        description:
          'Design, download, build and run a multi-process container in about five minutes.',
      },
    ],
  },
  {
    title: 'Concepts',
    items: [
      {
        slug: 'service-types',
        file: 'service-types',
        title: 'Service types',
        description:
          'Longruns, oneshots and bundles: what each one is for and which files it gets.',
      },
      {
        slug: 'dependencies-and-bundles',
        file: 'dependencies-and-bundles',
        title: 'Dependencies and bundles',
        description: 'How services wait for each other, and how bundles name a group of them.',
      },
      {
        slug: 'start-and-stop-order',
        file: 'start-and-stop-order',
        title: 'Start and stop order',
        description: 'The order s6-rc brings services up at boot and takes them down at the end.',
      },
      {
        slug: 'readiness',
        file: 'readiness',
        title: 'Readiness',
        description:
          'Make dependents wait until a daemon really accepts work, not just until it forks.',
      },
      {
        slug: 'environment-variables',
        file: 'environment-variables',
        title: 'Environment variables',
        description: 'Container variables, with-contenv, and variables that belong to one service.',
      },
      {
        slug: 'logging',
        file: 'logging',
        title: 'Logging pipelines',
        description: 'Send a service’s output to a rotated log directory with an s6-rc pipeline.',
      },
      {
        slug: 'graceful-shutdown',
        file: 'graceful-shutdown',
        title: 'Graceful shutdown and timeouts',
        description: 'What happens on docker stop, and how to fit inside its grace period.',
      },
      {
        slug: 'cmd-and-lifetime',
        file: 'cmd-and-lifetime',
        title: 'The CMD and the container’s lifetime',
        description:
          'When a command given to the container runs, what ends the container, and how a service can.',
      },
      {
        slug: 'running-as-another-user',
        file: 'running-as-another-user',
        title: 'Running as another user',
        description:
          'Drop root in each service with s6-setuidgid, prepare file ownership, and what USER limits.',
      },
    ],
  },
  {
    title: 'Recipes',
    items: [
      {
        slug: 'recipes/nginx-php-fpm',
        file: 'nginx-php-fpm',
        title: 'nginx, PHP-FPM, cron and a queue worker',
        description:
          'A PHP stack in one container: foreground daemons, a ready check, cron jobs with the container environment, a worker that finishes its job.',
      },
    ],
  },
  {
    title: 'Ship it',
    items: [
      {
        slug: 'dockerfile',
        file: 'dockerfile',
        title: 'The Dockerfile stage',
        description: 'How the overlay gets into your image, and which s6-overlay version to pick.',
      },
      {
        slug: 'debugging',
        file: 'debugging',
        title: 'Debugging a running container',
        description: 'Commands that show and change the state of services inside a container.',
      },
    ],
  },
  {
    title: 'Migrate',
    items: [
      {
        slug: 'from-an-entrypoint-script',
        file: 'from-an-entrypoint-script',
        title: 'From an entrypoint script',
        description: 'Turn a shell script that starts several processes into supervised services.',
      },
      {
        slug: 'from-s6-overlay-v2',
        file: 'from-s6-overlay-v2',
        title: 'From s6-overlay v2',
        description: 'What changed in version 3 and how to move services.d and cont-init.d over.',
      },
    ],
  },
  {
    title: 'Reference',
    items: [
      {
        slug: 'field-reference',
        file: 'field-reference',
        title: 'Field reference',
        description:
          'Every field the designer writes: the file it becomes, its default and its rules.',
      },
      {
        slug: 'your-work',
        file: 'your-work',
        title: 'Where your work is kept',
        description:
          'Saving in the browser, Recent designs, two tabs, and taking a design elsewhere.',
      },
      {
        slug: 'cli',
        file: 'cli',
        title: 'Command line',
        description: 'Lint, import, plan, export and share graphs from a terminal or CI.',
      },
      {
        slug: 'performance',
        file: 'performance',
        title: 'Performance',
        description: 'Budgets for page weight, speed and scale, and the latest measurements.',
      },
      {
        href: '/docs/diagnostics/',
        title: 'Diagnostics',
        description: 'Every problem the designer and the linter report, with the fix for each.',
      },
    ],
  },
]

/** Whether a nav item is an MDX page (as opposed to a generated page). */
export function isDocPage(item: DocPage | DocLink): item is DocPage {
  return 'slug' in item
}

/** The URL of a page, with the trailing slash the static export uses. */
export function docHref(slug: string): string {
  return slug === '' ? '/docs/' : `/docs/${slug}/`
}

/** The URL of any nav item. */
export function itemHref(item: DocPage | DocLink): string {
  return isDocPage(item) ? docHref(item.slug) : item.href
}

/** Every MDX page, in sidebar order. */
export function docPages(nav: readonly NavSection[] = DOCS_NAV): DocPage[] {
  return nav.flatMap((s) => s.items.filter(isDocPage))
}

/** The MDX page for a slug, or undefined. */
export function findDocPage(
  slug: string,
  nav: readonly NavSection[] = DOCS_NAV,
): DocPage | undefined {
  return docPages(nav).find((p) => p.slug === slug)
}

export interface PrevNext {
  prev?: { href: string; title: string }
  next?: { href: string; title: string }
}

/**
 * The neighbours of a page in sidebar order, over every item (generated pages included), so
 * "next" from the last MDX page leads to the diagnostics catalogue.
 *
 * @example prevNext('/docs/getting-started/').prev // { href: '/docs/', title: 'Overview' }
 */
export function prevNext(href: string, nav: readonly NavSection[] = DOCS_NAV): PrevNext {
  const items = nav.flatMap((s) => s.items).map((i) => ({ href: itemHref(i), title: i.title }))
  const at = items.findIndex((i) => i.href === href)
  if (at < 0) return {}
  const result: PrevNext = {}
  const prev = items[at - 1]
  const next = items[at + 1]
  if (prev) result.prev = prev
  if (next) result.next = next
  return result
}
