import type { ArgumentDiff, DirectoryDiff } from '../types.js'

/** The diff object as pretty JSON (schema: ../schema.ts). Key order is fixed by construction. */
export function formatJson(diff: ArgumentDiff | DirectoryDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`
}
