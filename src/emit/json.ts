import type { ArgumentMap, Point, Relation, Unit } from '../model/types.js'

const point = (p: Point): Point => ({ line: p.line, column: p.column, offset: p.offset })

function unit(u: Unit): Unit {
  const out: Unit = {
    id: u.id,
    role: u.role,
    text: u.text,
    start: point(u.start),
    end: point(u.end),
    paragraph: u.paragraph,
    confidence: u.confidence,
    signals: [...u.signals],
  }
  if (u.reviewed !== undefined) out.reviewed = u.reviewed
  if (u.flagged !== undefined) out.flagged = u.flagged
  return out
}

function relation(r: Relation): Relation {
  const out: Relation = { from: r.from, to: r.to, type: r.type, confidence: r.confidence, signals: [...r.signals] }
  if (r.reviewed !== undefined) out.reviewed = r.reviewed
  if (r.flagged !== undefined) out.flagged = r.flagged
  return out
}

/** The map with keys in the fixed contract order (extra keys dropped). */
export function ordered(map: ArgumentMap): ArgumentMap {
  return {
    schema: map.schema,
    source: { path: map.source.path, sha256: map.source.sha256, title: map.source.title },
    units: map.units.map(unit),
    relations: map.relations.map(relation),
  }
}

const MAP_KEYS = ['schema', 'source', 'units', 'relations']
const SOURCE_KEYS = ['path', 'sha256', 'title']
const UNIT_KEYS = ['id', 'role', 'text', 'start', 'end', 'paragraph', 'confidence', 'signals', 'reviewed', 'flagged']
const POINT_KEYS = ['line', 'column', 'offset']
const RELATION_KEYS = ['from', 'to', 'type', 'confidence', 'signals', 'reviewed', 'flagged']

/** Whether `o`'s enumerable keys are, in order, some of `keys` in their order (no other key, none out of place). */
function inOrder(o: object, keys: readonly string[]): boolean {
  let at = 0
  for (const k in o) {
    while (at < keys.length && keys[at] !== k) at++
    if (at === keys.length) return false
    at++
  }
  return true
}

const plainObject = (x: unknown): x is object => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype

/**
 * Whether `map` already has `ordered(map)`'s shape: every object a plain one
 * with its keys in contract order and no others (a missing optional key, or
 * one holding undefined, is left out by JSON either way). Maps built by the
 * pipeline are; checking is far cheaper than copying every unit.
 */
export function isOrdered(map: ArgumentMap): boolean {
  if (!plainObject(map) || !inOrder(map, MAP_KEYS) || !plainObject(map.source) || !inOrder(map.source, SOURCE_KEYS)) return false
  if (!Array.isArray(map.units) || !Array.isArray(map.relations)) return false
  for (const u of map.units) {
    if (!plainObject(u) || !inOrder(u, UNIT_KEYS)) return false
    if (!plainObject(u.start) || !inOrder(u.start, POINT_KEYS) || !plainObject(u.end) || !inOrder(u.end, POINT_KEYS) || !Array.isArray(u.signals)) return false
  }
  for (const r of map.relations) if (!plainObject(r) || !inOrder(r, RELATION_KEYS) || !Array.isArray(r.signals)) return false
  return true
}

/** Deterministic JSON: fixed key order, 2-space indent, trailing newline. Values are emitted as they are. */
export function toJSON(map: ArgumentMap): string {
  return JSON.stringify(isOrdered(map) ? map : ordered(map), null, 2) + '\n'
}

/** Units (or relations) per piece of `jsonPieces`: about 100 kB of JSON each. */
const BATCH = 100

/** `"key": [` ... `]` as toJSON writes it inside the map (items at four spaces), in batches of BATCH items. */
function* arrayPieces(key: string, items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield `  ${JSON.stringify(key)}: []`
    return
  }
  // A batch stringified under the same key sits at the same depth, so its items are indented as in the whole
  // map: only the batch's own `{ "key": [` and `] }` are cut off.
  const open = `{\n  ${JSON.stringify(key)}: [\n`
  const close = '\n  ]\n}'
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = JSON.stringify({ [key]: items.slice(i, i + BATCH) }, null, 2)
    const inner = batch.slice(open.length, batch.length - close.length)
    yield i === 0 ? `  ${JSON.stringify(key)}: [\n${inner}` : `,\n${inner}`
  }
  yield '\n  ]'
}

/**
 * toJSON's text in pieces of about 100 kB, for writing to a stream:
 * `argmap map` on a large document held the whole JSON (46 MB for the op-ed
 * ×1000), its UTF-8 copy and the stringifier's parts at once, most of the
 * command's peak memory. `pieces.join('')` is toJSON(map).
 */
export function* jsonPieces(map: ArgumentMap): Generator<string> {
  const m = isOrdered(map) ? map : ordered(map)
  const head = JSON.stringify({ schema: m.schema, source: m.source }, null, 2)
  // `head` ends with the closing `\n}` of an object that has at least `source`.
  yield `${head.slice(0, -2)},\n`
  yield* arrayPieces('units', m.units)
  yield ',\n'
  yield* arrayPieces('relations', m.relations)
  yield '\n}\n'
}
