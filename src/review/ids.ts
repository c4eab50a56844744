/**
 * The unit id grammar (the schema's `UnitId`): lower-case ASCII letters and
 * digits in hyphen-separated runs. Every id that comes from outside (a
 * sidecar, an annotated file) is checked against it before use; an invalid
 * one is an error with its place, never repaired.
 */
export const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const isUnitId = (v: unknown): v is string => typeof v === 'string' && v.length <= 256 && UNIT_ID.test(v)
