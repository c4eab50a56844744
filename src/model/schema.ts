/**
 * Validation of an argument map against schema/argmap.schema.json (ajv,
 * JSON Schema 2020-12), plus the cross-references a schema cannot express.
 * ajv is loaded and the schema compiled on the first call only, so commands
 * that never validate do not pay for it.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

type Validate = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }> | null
}

/** Where the published schema lives (package root /schema), from src/model or dist/model alike. */
export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/argmap.schema.json', import.meta.url))

let compiled: Validate | undefined

function validator(): Validate {
  if (compiled) return compiled
  const require = createRequire(import.meta.url)
  const Ajv2020 = require('ajv/dist/2020').default as new (o: object) => { compile(s: object): Validate }
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object
  compiled = new Ajv2020({ allErrors: true, strict: true }).compile(schema)
  return compiled
}

/**
 * Problems with a map, as `path: message` strings; empty when valid. Checks
 * the JSON Schema, then unique unit ids, relation ends naming units, and
 * each unit's text length matching its offsets.
 */
export function validateMap(map: unknown): string[] {
  const validate = validator()
  if (!validate(map)) {
    return (validate.errors ?? []).map((e) => {
      const extra = e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''
      return `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${extra}`
    })
  }
  const m = map as {
    units: Array<{ id: string; text: string; start: { offset: number }; end: { offset: number } }>
    relations: Array<{ from: string; to: string }>
  }
  const problems: string[] = []
  const ids = new Set<string>()
  m.units.forEach((u, i) => {
    if (ids.has(u.id)) problems.push(`/units/${i}/id: duplicate unit id ${u.id}`)
    ids.add(u.id)
    if (u.end.offset - u.start.offset !== u.text.length) {
      problems.push(`/units/${i}: text length ${u.text.length} does not match offsets ${u.start.offset}-${u.end.offset}`)
    }
    const prev = m.units[i - 1]
    if (prev && prev.start.offset > u.start.offset) problems.push(`/units/${i}: units out of source order`)
  })
  m.relations.forEach((r, i) => {
    if (!ids.has(r.from)) problems.push(`/relations/${i}/from: unknown unit id ${r.from}`)
    if (!ids.has(r.to)) problems.push(`/relations/${i}/to: unknown unit id ${r.to}`)
  })
  return problems
}
