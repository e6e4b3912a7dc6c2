'use client'

import './inspector.css'
import { useRef, useState } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Switch } from '@/components/ui/switch'
import { SUPPORTED_OVERLAY_RELEASES } from '@/lib/graph/overlay'
import type { PackageManager, ProjectSettings } from '@/lib/graph/types'
import { EnvTable } from './env-table'
import { Field } from './field'
import { HealthcheckFields } from './healthcheck-fields'
import { S6SettingsTable } from './s6-settings-table'
import { Section } from './section'
import { useFocusRequest } from './use-focus-request'
import { useProjectProblems } from './use-project-problems'
import { useRevertInvalid } from './use-revert-invalid'

const MANAGERS: PackageManager[] = ['auto', 'apk', 'apt', 'dnf', 'none']

function TextSetting({
  field,
  label,
  value,
  placeholder,
  help,
  onChange,
  onBlur,
}: {
  field: keyof ProjectSettings
  label: string
  value: string
  placeholder?: string
  help: string
  onChange: (v: string) => void
  onBlur: () => void
}) {
  const problems = useProjectProblems(field)
  return (
    <Field label={label} field={field} htmlFor={`f-p-${field}`} problems={problems} help={help}>
      <input
        id={`f-p-${field}`}
        data-field={field}
        className="input"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Field>
  )
}

function PortsField({ ports, onChange }: { ports: number[]; onChange: (ports: number[]) => void }) {
  const [text, setText] = useState(ports.join(', '))
  const [error, setError] = useState<string>()
  const problems = useProjectProblems('ports')
  const revertInvalid = useRevertInvalid('Ports')
  return (
    <Field
      label="Ports"
      field="ports"
      htmlFor="f-p-ports"
      problems={problems}
      local={error}
      help="Ports the README’s docker run examples publish, comma-separated."
    >
      <input
        id="f-p-ports"
        data-field="ports"
        className="input input-mono"
        placeholder="3000, 8080"
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          const parts = e.target.value.split(/[\s,]+/).filter(Boolean)
          if (parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1 || Number(p) > 65535)) {
            setError('Ports are numbers from 1 to 65535.')
            return
          }
          setError(undefined)
          onChange(parts.map(Number))
        }}
        onBlur={(e) =>
          revertInvalid(
            error,
            () => {
              setText(ports.join(', '))
              setError(undefined)
            },
            e.relatedTarget,
          )
        }
      />
    </Field>
  )
}

/** Project settings: naming, target release, Dockerfile stage, container env, S6_* settings. */
export function ProjectPanel() {
  const store = useEditorStoreApi()
  const project = useEditorStore((s) => s.graph.project)
  const env = useProjectProblems('env')
  const version = useProjectProblems('overlayVersion')
  const rootRef = useRef<HTMLDivElement>(null)
  useFocusRequest(rootRef, undefined)
  const set = (patch: Partial<ProjectSettings>, key?: string) =>
    store.getState().setProject(patch, key ? { coalesce: `project:${key}` } : {})
  const done = () => store.getState().endCoalescing()
  const release = SUPPORTED_OVERLAY_RELEASES.find((r) => r.version === project.overlayVersion)
  return (
    <div ref={rootRef} className="inspector project-panel">
      <div className="inspector-head">
        <span className="type-pill type-project">project</span>
        <h2 className="inspector-title">{project.name || 'untitled'}</h2>
      </div>
      <Section title="Project">
        <TextSetting
          field="name"
          label="Name"
          value={project.name}
          help="Names the image, the zip and the README."
          onChange={(name) => set({ name }, 'name')}
          onBlur={done}
        />
        <Field
          label="s6-overlay version"
          field="overlayVersion"
          htmlFor="f-p-overlayVersion"
          problems={version}
          help={
            release
              ? `Bundles s6-rc ${release.s6rc}; boot membership goes in ${release.userBundleLayout === 'user-bundles.d' ? 'user-bundles.d/user' : 's6-rc.d/user'}.`
              : 'The release the export targets.'
          }
        >
          <select
            id="f-p-overlayVersion"
            data-field="overlayVersion"
            className="input"
            value={project.overlayVersion}
            onChange={(e) => set({ overlayVersion: e.target.value })}
          >
            {release ? null : (
              <option value={project.overlayVersion}>
                {project.overlayVersion} (not supported)
              </option>
            )}
            {SUPPORTED_OVERLAY_RELEASES.map((r, i) => (
              <option key={r.version} value={r.version}>
                {r.version}
                {i === 0 ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Services depend on base"
          field="dependOnBase"
          help="Adds base to every oneshot and longrun on export, so they start after cont-init.d. Recommended."
        >
          <Switch
            id="f-p-dependOnBase"
            field="dependOnBase"
            label="Depend on base"
            checked={project.dependOnBase}
            onChange={(dependOnBase) => set({ dependOnBase })}
          />
        </Field>
      </Section>
      <Section title="Dockerfile stage">
        <TextSetting
          field="baseImage"
          label="Base image"
          value={project.baseImage}
          placeholder="debian:bookworm-slim"
          help="The stage or image the s6 stage builds on (FROM … AS stage)."
          onChange={(baseImage) => set({ baseImage }, 'baseImage')}
          onBlur={done}
        />
        <TextSetting
          field="stageName"
          label="Stage name"
          value={project.stageName}
          placeholder="final-s6"
          help="The name of the Dockerfile stage the export writes."
          onChange={(stageName) => set({ stageName }, 'stageName')}
          onBlur={done}
        />
        <Field
          label="Package manager"
          field="packageManager"
          htmlFor="f-p-packageManager"
          help="How xz-utils is installed to unpack s6-overlay; auto guesses from the base image."
        >
          <select
            id="f-p-packageManager"
            data-field="packageManager"
            className="input"
            value={project.packageManager}
            onChange={(e) => set({ packageManager: e.target.value as PackageManager })}
          >
            {MANAGERS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </Field>
        <TextSetting
          field="repoDir"
          label="Folder in your repository"
          value={project.repoDir}
          placeholder="docker/s6"
          help="Where the exported files go in your repository."
          onChange={(repoDir) => set({ repoDir }, 'repoDir')}
          onBlur={done}
        />
        <PortsField ports={project.ports} onChange={(ports) => set({ ports }, 'ports')} />
      </Section>
      <Section
        title="Container environment"
        summary={project.env.length ? String(project.env.length) : undefined}
      >
        <EnvTable
          idPrefix="f-p-env"
          label="Variables"
          field="env"
          vars={project.env}
          problems={env}
          help="Dockerfile ENV defaults every service sees through with-contenv, documented in the README."
          onChange={(vars, key) => set({ env: vars }, key)}
          onBlur={done}
        />
      </Section>
      <Section title="s6-overlay settings" summary={`${Object.keys(project.s6Env).length} changed`}>
        <S6SettingsTable
          s6Env={project.s6Env}
          overlayVersion={project.overlayVersion}
          onChange={(s6Env) => set({ s6Env }, 's6Env')}
        />
      </Section>
      <Section title="Health check" open={project.healthcheck !== undefined}>
        <HealthcheckFields
          value={project.healthcheck}
          onChange={(healthcheck, key) => {
            if (healthcheck === undefined) {
              const g = store.getState().graph
              const { healthcheck: _drop, ...rest } = g.project
              store.getState().commit({ ...g, project: rest })
            } else set({ healthcheck }, key)
          }}
          onBlur={done}
        />
      </Section>
    </div>
  )
}
