/**
 * Environment variable rules: names s6-envdir and a Dockerfile can take, duplicates in one
 * scope, multi-line values, and secrets that carry a value.
 */
import { show } from './report'
import type { Findings } from './report'
import { isRecord } from './guards'
// The names a Dockerfile ENV sets are the names a shell reads.
import { isDockerEnvName } from '../../generate/dockerfile-quote'

/** Checks one list of variables: a longrun's (`owner`) or, without owner, the container's. */
export function checkEnv(
  list: unknown,
  owner: string | undefined,
  fieldPrefix: string,
  out: Findings,
): void {
  if (!Array.isArray(list) || list.length === 0) return
  const who = owner === undefined ? 'The container' : show(owner)
  // Where a finding about variable i is, built only when there is one (most lists have none).
  const at = (i: number, name: string, part: 'name' | 'value') => ({
    service: owner,
    field: `${fieldPrefix}.${i}.${part}`,
    file: owner === undefined ? 'Dockerfile' : `env/${name}`,
  })
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i]
    if (!isRecord(v) || typeof v.name !== 'string') continue
    const name = v.name
    let bad: string | undefined
    if (name === '') bad = 'has a variable with an empty name'
    else if (name.includes('=')) bad = `has a variable named ${show(name)}, with "=" in it`
    else if (name.includes('/')) bad = `has a variable named ${show(name)}, with "/" in it`
    else if (name.includes('\0')) bad = `has a variable named ${show(name)}, with a NUL byte in it`
    else if (name.startsWith('.'))
      bad = `has a variable named ${show(name)}, starting with a dot, which s6-envdir skips`
    if (bad)
      out.add({ code: 'env-name-invalid', ...at(i, name, 'name'), message: `${who} ${bad}.` })
    else if (owner === undefined && !isDockerEnvName(name)) {
      // A container variable is written as a Dockerfile ENV, which takes only such names.
      out.add({
        code: 'export-env-name',
        ...at(i, name, 'name'),
        message: `The container has a variable named ${show(name)}, which a Dockerfile ENV cannot set; the export would leave it out.`,
      })
    } else if (!isDockerEnvName(name)) {
      out.add({
        code: 'env-name-unusual',
        ...at(i, name, 'name'),
        message: `${who} has a variable named ${show(name)}, which a shell cannot read.`,
      })
    }
    const first = firstIndexOf(list, name, i)
    if (first >= 0) {
      out.add({
        code: 'env-duplicate',
        ...at(i, name, 'name'),
        message: `${who} defines ${show(name)} twice (variables ${first + 1} and ${i + 1}).`,
      })
    }
    const value = typeof v.value === 'string' ? v.value : ''
    if (value.includes('\n')) {
      out.add({
        code: 'env-value-newline',
        ...at(i, name, 'value'),
        message: `${who}'s variable ${show(name)} has a value spanning several lines.`,
      })
    }
    if (v.secret === true && value !== '') {
      out.add({
        code: 'secret-value',
        ...at(i, name, 'value'),
        message: `${who}'s secret ${show(name)} has a value: the export and share links leave it out, so give it at run time (docker run -e).`,
      })
    }
  }
}

/**
 * The index of the first variable before `end` named `name`, or -1. A scan: lists are short,
 * and a Map per list would cost every service an allocation to find what is rarely there.
 */
function firstIndexOf(list: readonly unknown[], name: string, end: number): number {
  for (let j = 0; j < end; j++) {
    const v = list[j]
    if (isRecord(v) && v.name === name) return j
  }
  return -1
}
