/**
 * Every MDX page of the guide, by its file name in content/docs (lib/docs/nav.ts lists them).
 * Imported statically: the pages render at build time only, so nothing here reaches a browser.
 */
import type { ComponentType } from 'react'
import Cli from '@/content/docs/cli.mdx'
import CmdAndLifetime from '@/content/docs/cmd-and-lifetime.mdx'
import Debugging from '@/content/docs/debugging.mdx'
import DependenciesAndBundles from '@/content/docs/dependencies-and-bundles.mdx'
import Dockerfile from '@/content/docs/dockerfile.mdx'
import EnvironmentVariables from '@/content/docs/environment-variables.mdx'
import FieldReference from '@/content/docs/field-reference.mdx'
import FromAnEntrypointScript from '@/content/docs/from-an-entrypoint-script.mdx'
import FromS6OverlayV2 from '@/content/docs/from-s6-overlay-v2.mdx'
import GettingStarted from '@/content/docs/getting-started.mdx'
import GracefulShutdown from '@/content/docs/graceful-shutdown.mdx'
import Index from '@/content/docs/index.mdx'
import Logging from '@/content/docs/logging.mdx'
import NginxPhpFpm from '@/content/docs/nginx-php-fpm.mdx'
import Performance from '@/content/docs/performance.mdx'
import Readiness from '@/content/docs/readiness.mdx'
import RunningAsAnotherUser from '@/content/docs/running-as-another-user.mdx'
import ServiceTypes from '@/content/docs/service-types.mdx'
import StartAndStopOrder from '@/content/docs/start-and-stop-order.mdx'
import YourWork from '@/content/docs/your-work.mdx'

export const DOC_CONTENT: Record<string, ComponentType> = {
  cli: Cli,
  'cmd-and-lifetime': CmdAndLifetime,
  debugging: Debugging,
  'dependencies-and-bundles': DependenciesAndBundles,
  dockerfile: Dockerfile,
  'environment-variables': EnvironmentVariables,
  'field-reference': FieldReference,
  'from-an-entrypoint-script': FromAnEntrypointScript,
  'from-s6-overlay-v2': FromS6OverlayV2,
  'getting-started': GettingStarted,
  'graceful-shutdown': GracefulShutdown,
  index: Index,
  logging: Logging,
  'nginx-php-fpm': NginxPhpFpm,
  performance: Performance,
  readiness: Readiness,
  'running-as-another-user': RunningAsAnotherUser,
  'service-types': ServiceTypes,
  'start-and-stop-order': StartAndStopOrder,
  'your-work': YourWork,
}
