'use client'

import { useEditorStore } from '@/components/editor/editor-store-provider'
import { USER_BUNDLE, pipelineNames, serviceNames } from '@/lib/graph/service-graph'
import type { Bundle, ServiceName } from '@/lib/graph/types'
import { useShallow } from 'zustand/react/shallow'
import { EssentialField, IdentityFields } from './common-fields'
import { NameListEditor } from './name-list-editor'
import { Section } from './section'
import { useFieldProblems } from './use-field-problems'
import { useServiceUpdater } from './use-service-updater'

/** Every field of a bundle. */
export function BundleFields({ name, service }: { name: ServiceName; service: Bundle }) {
  const { update } = useServiceUpdater(name)
  const candidates = useEditorStore(
    useShallow((s) => [
      ...serviceNames(s.graph).filter((n) => n !== name && n !== USER_BUNDLE),
      ...pipelineNames(s.graph),
    ]),
  )
  const problems = useFieldProblems(name, 'contents')
  return (
    <>
      {name === USER_BUNDLE ? (
        <p className="callout">
          <strong>user</strong> is what s6-overlay brings up at boot. Put here what should start
          with the container; what they depend on starts too.
        </p>
      ) : null}
      <Section title="Bundle">
        <IdentityFields name={name} service={service} />
      </Section>
      <Section title="Members">
        <NameListEditor
          id="f-contents"
          label="Contents"
          field="contents"
          names={service.contents}
          candidates={candidates}
          owner={name}
          problems={problems}
          emptyText="No members yet: drag from a service to this bundle, or add one here."
          onChange={(contents) => update({ contents })}
        />
      </Section>
      <Section title="Advanced" open={service.essential === true}>
        <EssentialField name={name} service={service} />
      </Section>
    </>
  )
}
