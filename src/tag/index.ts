/**
 * The role tagger. Runs the per-unit rules (./rules, ./features.ts), decides
 * which units are argumentative (combine/argumentative.ts), picks the one conclusion
 * (rules/thesis.ts), then plans the argument's structure (./structure/attach.ts)
 * so that a unit other units attach to is a `claim` and the rest are
 * `premise`s. Every decision carries its signals and a confidence in [0, 1].
 */
import type { Role, Segment } from '../model/types.js'
import { type Attachment, plan } from './structure/attach.js'
import { documentFeatures } from './document.js'
import { unitFeatures } from './features.js'
import { argumentative } from './combine/argumentative.js'
import { pickThesis } from './rules/thesis.js'

export interface DocContext {
  paragraphCount: number
  title: string | null
}

export interface Tagged {
  role: Role
  confidence: number
  signals: string[]
}

const round = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 100) / 100

/**
 * The structure the roles were read from: which units are argumentative, the
 * conclusion, and each unit's planned attachment. The relation finder takes
 * it as given when the roles it reads still have this mask and conclusion
 * (they differ only where a reviewer changed a role).
 */
export interface Plan {
  arg: readonly boolean[]
  conclusion: number
  structure: readonly Attachment[]
}

export interface TagResult {
  tagged: Tagged[]
  plan: Plan
}

/** Tag segments with the document context the rules need (the title: the first heading's text). */
export function tagSegments(segments: readonly Segment[], title: string | null): TagResult {
  const paragraphCount = segments.length ? segments[segments.length - 1]!.paragraph + 1 : 0
  return tagDocument(segments, { paragraphCount, title })
}

export function tag(segments: readonly Segment[], doc: DocContext): Tagged[] {
  return tagDocument(segments, doc).tagged
}

export function tagDocument(segments: readonly Segment[], doc: DocContext): TagResult {
  const titleParagraph = segments.find((s) => s.block === 'heading' && doc.title !== null)?.paragraph ?? -1
  const units = unitFeatures(segments)
  const base = argumentative(segments, units, { paragraphCount: doc.paragraphCount, titleParagraph })
  const arg = base.map((b) => b.arg)
  const feats = documentFeatures(segments, arg, units)
  const thesis = pickThesis(segments, feats, arg, doc.title)
  const structure = plan(segments, feats, arg, thesis.index)
  const targeted = new Array<number>(segments.length).fill(0)
  for (let i = 0; i < structure.length; i++) if (structure[i]!.to >= 0) targeted[structure[i]!.to]!++
  const tagged = segments.map((_, i): Tagged => {
    const b = base[i]!
    const f = feats[i]!
    if (!b.arg) return { role: 'none', confidence: round(b.confidence), signals: merge(b.signals, f.signals) }
    if (i === thesis.index) {
      return { role: 'conclusion', confidence: round(thesis.confidence), signals: merge(thesis.signals, f.signals) }
    }
    const a = structure[i]!
    const n = targeted[i]!
    if (n > 0) {
      return {
        role: 'claim',
        confidence: round(Math.min(b.confidence, 0.5 + 0.1 * n)),
        signals: merge(f.signals, b.signals, 'structure:has-support-or-attack'),
      }
    }
    return { role: 'premise', confidence: round(Math.min(b.confidence, a.confidence + 0.1)), signals: merge(f.signals, b.signals) }
  })
  return { tagged, plan: { arg, conclusion: thesis.index, structure } }
}

/**
 * Signals of `a`, then `b`, then `extra`, each once, in order of first
 * appearance. Gathered in one scratch list and copied at their length: the
 * list is the unit's in the map, kept to the end of the run, and one built
 * by pushing onto an empty list had room for seventeen.
 */
function merge(a: readonly string[], b: readonly string[], extra?: string): string[] {
  // A unit has a handful of signals: a scan beats building a Set; long lists still go through one.
  if (a.length + b.length > 16) return [...new Set(extra === undefined ? [...a, ...b] : [...a, ...b, extra])]
  const out = scratch
  let n = 0
  for (let i = 0; i < a.length; i++) if (!seen(out, n, a[i]!)) out[n++] = a[i]!
  for (let i = 0; i < b.length; i++) if (!seen(out, n, b[i]!)) out[n++] = b[i]!
  if (extra !== undefined && !seen(out, n, extra)) out[n++] = extra
  return out.slice(0, n)
}
const scratch: string[] = []

/** Whether `x` is among the first `n` of `xs`. */
function seen(xs: readonly string[], n: number, x: string): boolean {
  for (let i = 0; i < n; i++) if (xs[i] === x) return true
  return false
}
