/**
 * The structure planner shared by the tagger (to know which units are
 * claims) and the relation finder. Given the argumentative units and the
 * conclusion, it attaches every other argumentative unit to exactly one
 * earlier-decided target, reading connectives, paragraph structure and
 * shared vocabulary. One pass over the units; look-backs are bounded.
 */
import type { RelationType, Segment } from '../../model/types.js'
import type { Features } from '../features.js'
import { hasStem } from '../text.js'
import { ADDS, aggravates, anecdote, ANAPHORIC, CONSEQUENCE, datedReport, figures, markerSignal, quotes, reportedObjection, sentenceEnds, trailingConcession } from './cues.js'
import { chooseHead, topicWords } from './heads.js'

export interface Attachment {
  /** Target unit index, or -1 for a root. */
  to: number
  type: RelationType
  confidence: number
  signals: string[]
  /** Decided by an explicit connective (not by default placement). */
  explicit: boolean
}

const ROOT: Attachment = Object.freeze({ to: -1, type: 'support', confidence: 0, signals: [], explicit: false }) as Attachment
/** How far up a chain of supports a contrast may climb to find what it turns against. */
const MAX_CLIMB = 4
/** How many preceding units a "therefore" may gather as its premises. */
const MAX_GATHER = 3

export function plan(
  segments: readonly Segment[],
  feats: readonly Features[],
  arg: readonly boolean[],
  conclusion: number,
): Attachment[] {
  const out: Attachment[] = segments.map(() => ROOT)
  if (conclusion < 0) return out
  const set = (i: number, to: number, type: RelationType, confidence: number, signals: string[], explicit = false): void => {
    out[i] = { to, type, confidence, signals, explicit }
  }
  // Group argumentative units by block, in document order.
  const groups: number[][] = []
  let lastPara = NaN
  for (let i = 0; i < segments.length; i++) {
    if (!arg[i]) continue
    const p = segments[i]!.paragraph
    if (p !== lastPara) groups.push([])
    groups[groups.length - 1]!.push(i)
    lastPara = p
  }
  const thesisStems = feats[conclusion]!.stems
  const common = topicWords(feats, arg)
  const ends = sentenceEnds(segments)
  for (const members of groups) {
    const head = members.includes(conclusion) ? conclusion : members[chooseHead(members, segments, feats, thesisStems, common)]!
    if (head !== conclusion) {
      const hf = feats[head]!
      const conceded = hf.marker.lead?.fn === 'concession'
      set(head, conclusion, conceded ? 'attack' : 'support', 0.55, [conceded ? 'structure:paragraph-concession' : 'structure:paragraph-claim'])
    }
    const climb = (from: number): number => {
      let t = from
      for (let k = 0; k < MAX_CLIMB; k++) {
        const a = out[t]!
        if (t === head || t === conclusion || a.to < 0 || a.to === head || a.to === conclusion || a.type !== 'support') break
        t = a.to
      }
      return t
    }
    let prev = -1
    let openConcession = -1
    let answered = -1
    /** A fronted subordinate clause ("Because X," / "Although X,") waiting for its main clause. */
    let fronted = -1
    /** A reason given together with the head ("X, because Y"): the sentence right after it elaborates on it. */
    let openReason = -1
    const conditionals: number[] = []
    for (let k = 0; k < members.length; k++) {
      const u = members[k]!
      const f = feats[u]!
      const lead = f.marker.lead
      const fn = lead?.fn ?? null
      const mk = lead ? [markerSignal(lead.phrase)] : []
      if (u !== head && u !== conclusion) {
        const contrast = fn === 'contrast' || (f.marker.innerContrast !== null && fn !== 'concession')
        // "Although X, ultimately Y" / "Even if X, I would Y": a main clause that opens with a marker of
        // the author's own conclusion or voice still answers the fronted concession.
        const answersFronted = fn === null || ((fn === 'conclusion' || fn === 'stance' || fn === 'emphasis') && out[fronted]?.type === 'attack')
        if (fronted >= 0 && prev === fronted && answersFronted) {
          // The main clause after "Although X," answers X; after "Because X," it is what X supports.
          if (out[fronted]!.type === 'attack') {
            set(u, fronted, 'attack', 0.6, ['structure:answers-concession'], true)
            openConcession = -1
          } else set(u, head, 'support', 0.5, ['structure:default'])
        } else if (fn === null && prev >= 0 && segments[u]!.clause && !ends(prev) && out[prev]!.to >= 0 && prev !== head) {
          const p = out[prev]!
          set(u, p.to, p.type, p.confidence, ['structure:coordinated'], p.explicit)
        } else if (fn === 'reason' || fn === 'example') {
          // A new sentence giving an example after "X because Y." illustrates X, not the reason Y.
          const afterClause = fn === 'example' && prev >= 0 && segments[prev]!.clause && out[prev]!.to >= 0 && out[prev]!.type === 'support' && ends(prev)
          set(u, prev < 0 ? head : afterClause ? out[prev]!.to : prev, 'support', 0.75, mk, true)
          // Only "because" brings in a new reason the next sentence may expand on; "as"/"since" give one as already known.
          openReason = fn === 'reason' && lead?.phrase === 'because' && prev === head && segments[u]!.clause ? u : -1
        } else if (fn === 'concession') {
          set(u, head, 'attack', 0.7, mk, true)
          openConcession = u
        } else if (contrast && f.conditional && conditionals.length > 0 && out[conditionals[conditionals.length - 1]!]!.to >= 0) {
          // "If X, A. Yet if not X, B": the other case of a scenario already put sits beside it. Without such a
          // scenario before it, "But once/as long as X, Y" is an ordinary turn.
          const sib = conditionals[conditionals.length - 1]!
          set(u, out[sib]!.to, out[sib]!.type, 0.6, ['structure:alternative-case', ...mk])
        } else if (contrast) {
          const cmk = mk.length > 0 ? mk : [markerSignal(f.marker.innerContrast ?? 'however')]
          if (prev < 0) set(u, head, 'attack', 0.55, cmk, true)
          else if (lead && CONSEQUENCE.test(lead.rest) && datedReport(feats[climb(prev)]!)) {
            // "Since 2008 China has done X. Yet this could have given Y the upper hand." A consequence
            // drawn from a dated report does not dispute the report: it is a point for the paragraph's claim.
            set(u, head, 'support', 0.5, [...cmk, 'structure:consequence-of-report'])
            // The report that "this" points back to is what the consequence is drawn from: it backs the consequence.
            const t = climb(prev)
            const r = out[t]!
            if (t !== head && t !== conclusion && r.to === head && r.type === 'support' && !r.explicit) {
              out[t] = { ...r, to: u, signals: ['structure:ground-of-consequence'] }
            }
          }
          else {
            const t = climb(prev)
            set(u, t, 'attack', 0.7, cmk, true)
            // Under the thesis itself, what a "but" answers was granted against the thesis. Inside a
            // paragraph about a claim of its own, the turn is local: the answered unit stays as placed.
            if (head === conclusion) concede(out, t, head, conclusion, feats)
          }
          openConcession = -1
        } else if (fn === 'conclusion' && !lead?.phrase.startsWith('which')) {
          set(u, head, 'support', 0.6, [...mk, 'structure:intermediate-conclusion'], true)
          gather(out, members, k, head, ends)
        } else if (fn === 'addition') {
          set(u, head, 'support', 0.6, mk)
          openConcession = -1
        } else if (openConcession >= 0 && prev === openConcession && !f.conditional && reportedObjection(segments[prev]!, feats[prev]!)) {
          // "Some people object that X." The next sentence is the author's reply to X.
          set(u, openConcession, 'attack', 0.5, ['structure:answers-objection'])
          openConcession = -1
          answered = u
        } else if (answered >= 0 && prev === answered && fn === null && !f.conditional) {
          // The sentence after that reply backs the reply.
          set(u, answered, 'support', 0.45, ['structure:elaborates-answer'])
        } else if (openConcession >= 0 && prev >= 0 && (prev === openConcession || out[prev]!.to === openConcession) && !trailingConcession(segments[openConcession]!)) {
          set(u, openConcession, 'support', 0.45, ['structure:elaborates-concession'])
        } else if (openReason >= 0 && prev === openReason && fn === null && !f.conditional && !ADDS.test(f.folded)) {
          set(u, openReason, 'support', 0.45, ['structure:elaborates-reason'])
        } else if (fn === null && prev >= 0 && prev !== head && out[prev]!.type === 'attack' && out[prev]!.to !== head && ANAPHORIC.test(f.folded) && !f.conditional) {
          // "X. But Y. They (Y) ...": a sentence that opens by pointing back continues the turn it follows.
          set(u, prev, 'support', 0.45, ['structure:continues-turn'])
        } else if (fn === null && prev >= 0 && prev !== head && out[prev]!.to >= 0 && aggravates(f)) {
          // "Relations were turbulent. The fact that X did not help.": X made the state just described worse.
          set(u, prev, 'support', 0.5, ['structure:aggravates'])
        } else if (fn === null && prev >= 0 && prev !== head && out[prev]!.to >= 0 && !f.conditional && anecdote(f) && !anecdote(feats[prev]!)) {
          // "Phones keep families close. I talk to my cousins every day.": the writer's own experience is evidence.
          set(u, prev, 'support', 0.45, ['structure:experience'])
        } else if (fn === null && prev >= 0 && prev !== head && out[prev]!.to >= 0 && figures(f) && !figures(feats[prev]!)) {
          set(u, prev, 'support', 0.45, ['structure:evidence'])
        } else if (fn === null && prev >= 0 && prev !== head && out[prev]!.type === 'support' && quotes(segments[u]!) && !quotes(segments[prev]!)) {
          set(u, prev, 'support', 0.45, ['structure:quoted-evidence'])
        } else {
          const e = ADDS.test(f.folded) ? -1 : elaborated(u, k, members, out, feats, head, conclusion, common)
          if (e >= 0) set(u, e, 'support', 0.45, ['structure:elaborates'])
          else set(u, head, 'support', 0.5, ['structure:default'])
        }
        if (fn !== null && fn !== 'reason' && fn !== 'example' && fn !== 'emphasis') openReason = -1
        if (f.conditional) conditionals.push(u)
        if (fronted >= 0 && prev === fronted && fronted !== head && out[fronted]!.to >= 0 && out[fronted]!.type === 'support' && out[fronted]!.to !== u && u !== head && !reaches(out, u, fronted)) {
          // "Because X, Y": X supports Y (reattach: Y was placed after X, so no cycle).
          out[fronted] = { ...out[fronted]!, to: u, signals: [...out[fronted]!.signals, 'structure:fronted-reason'] }
        }
      } else if (u === head && head !== conclusion && prev >= 0 && fn === 'contrast') {
        // A paragraph whose point is a "yet/but" turn: what it turns against is conceded. But in
        // "A. However, B. C. Yet D." the unmarked C sides with the turn B it follows (B is already
        // the explicit opposition), so C backs B rather than being granted on its own.
        const t = climb(prev)
        const pp = k >= 2 ? members[k - 2]! : -1
        if (t === prev && pp >= 0 && pp !== head && followsTurn(t, pp, out, feats)) {
          out[t] = { ...out[t]!, to: pp, type: 'support', confidence: 0.45, signals: ['structure:continues-turn'] }
        } else concede(out, t, head, conclusion, feats)
      } else if (u === conclusion && prev >= 0 && (fn === 'contrast' || f.marker.innerContrast)) {
        concede(out, climb(prev), head, conclusion, feats)
      }
      if (fronted >= 0 && prev === fronted && u === head && out[fronted]!.to === head) {
        out[fronted] = { ...out[fronted]!, signals: [...out[fronted]!.signals, 'structure:fronted'] }
      }
      const opensSentence = prev < 0 || ends(prev)
      fronted = opensSentence && !ends(u) && (fn === 'reason' || fn === 'concession') ? u : -1
      prev = u
    }
  }
  return out
}

/** Unit t, placed by default, right after pp, an explicit "however/but" turn against an earlier unit. */
function followsTurn(t: number, pp: number, out: readonly Attachment[], feats: readonly Features[]): boolean {
  const a = out[t]!
  const b = out[pp]!
  const pf = feats[pp]!
  const tf = feats[t]!
  return !a.explicit && a.type === 'support' && tf.marker.lead === null && !tf.conditional &&
    b.explicit && b.type === 'attack' && (pf.marker.lead?.fn === 'contrast' || (pf.marker.innerContrast !== null && pf.marker.lead === null))
}

/** How many preceding units an unmarked unit may elaborate on (only the one just before it: anaphoric continuity). */
const ELABORATION_WINDOW = 1

/**
 * An unmarked unit that takes up words of the sibling just before it (words the head
 * does not share, and that are not the text's topic words) elaborates on that
 * sibling rather than adding a new reason for the head. Returns -1 when not.
 */
function elaborated(
  u: number,
  k: number,
  members: readonly number[],
  out: readonly Attachment[],
  feats: readonly Features[],
  head: number,
  conclusion: number,
  common: ReadonlySet<string>,
): number {
  const stems = feats[u]!.stems
  const headStems = feats[head]!.stems
  let best = -1
  let bestShared = 0
  for (let j = k - 1; j >= 0 && j >= k - ELABORATION_WINDOW; j--) {
    const p = members[j]!
    if (p === head || p === conclusion) break
    const a = out[p]!
    if (a.to < 0 || a.type !== 'support') continue
    let shared = 0
    for (const w of feats[p]!.stems) if (hasStem(stems, w) && !hasStem(headStems, w) && !common.has(w)) shared++
    if (shared > bestShared) {
      best = p
      bestShared = shared
    }
  }
  return bestShared >= MIN_ELABORATION_OVERLAP ? best : -1
}
const MIN_ELABORATION_OVERLAP = 2

/** Whether the chain of targets from `from` reaches `target` (bounded walk). */
function reaches(out: readonly Attachment[], from: number, target: number): boolean {
  let t = from
  for (let k = 0; k < 64 && t >= 0; k++) {
    if (t === target) return true
    t = out[t]!.to
  }
  return false
}

/** A unit that a "but/however" turns against was granted only to be answered: make its default support an attack. */
function concede(out: Attachment[], t: number, head: number, conclusion: number, feats: readonly Features[]): void {
  const a = out[t]!
  if (t === head || t === conclusion || a.explicit || a.to < 0 || a.type !== 'support') return
  // "It also takes up space. But ..." adds to the writer's own reasons; it is not granted to the other side.
  if (ADDS.test(feats[t]!.folded)) return
  out[t] = { ...a, type: 'attack', confidence: 0.5, signals: [...a.signals, 'structure:conceded'] }
}

/** "A. B. Therefore C": A and B (placed by default under the head) become premises of C. */
function gather(out: Attachment[], members: readonly number[], k: number, head: number, ends: (i: number) => boolean): void {
  const u = members[k]!
  // "X, so Y" draws on the clause before it, in its own sentence; "X. Therefore Y." may draw on several sentences.
  const inSentence = k > 0 && !ends(members[k - 1]!)
  for (let j = k - 1, n = 0; j >= 0 && n < MAX_GATHER; j--, n++) {
    const p = members[j]!
    const a = out[p]!
    if (p === head || a.explicit || a.to !== head || a.type !== 'support') break
    if (inSentence && j < k - 1 && ends(p)) break
    out[p] = { to: u, type: 'support', confidence: 0.6, signals: ['structure:premise-of-conclusion'], explicit: true }
  }
}
