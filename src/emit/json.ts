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

/** Deterministic JSON: fixed key order, 2-space indent, trailing newline. Values are emitted as they are. */
export function toJSON(map: ArgumentMap): string {
  return JSON.stringify(ordered(map), null, 2) + '\n'
}
