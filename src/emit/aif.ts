/**
 * AIF JSON in the shape AIFdb serves and OVA loads: `nodes` (numeric-string
 * `nodeID`, `text`, `type`, `timestamp`), `edges` (`edgeID`, `fromID`,
 * `toID`, `formEdgeID`), `locutions`, `participants`. Per argumentative unit:
 * an I-node (the proposition), an L-node (the author's locution of it) and a
 * YA "Asserting" node anchoring L to I. Per relation: an RA "Default
 * Inference" (support) or CA "Default Conflict" (attack) node with edges
 * from → S-node → to. Deterministic: ids count up in document order and the
 * timestamp is fixed unless given.
 */
import type { ArgumentMap } from '../model/types.js'
import { plainish } from './text.js'

export interface AifNode {
  nodeID: string
  text: string
  type: 'I' | 'L' | 'RA' | 'CA' | 'MA' | 'YA'
  timestamp: string
}
export interface AifEdge {
  edgeID: string
  fromID: string
  toID: string
  formEdgeID: null
}
export interface AifLocution {
  nodeID: string
  personID: string
  timestamp: string
  start: null
  end: null
  source: null
}
export interface AifParticipant {
  participantID: string
  firstname: string
  surname: string
}
export interface Aif {
  nodes: AifNode[]
  edges: AifEdge[]
  locutions: AifLocution[]
  participants: AifParticipant[]
}

export interface AifOptions {
  /** `YYYY-MM-DD HH:MM:SS` stamped on every node. Default `1970-01-01 00:00:00` (deterministic). */
  timestamp?: string
  /** Speaker name on the locutions. Default `Author`. */
  speaker?: string
}

export function toAIFObject(map: ArgumentMap, options: AifOptions = {}): Aif {
  const timestamp = options.timestamp ?? '1970-01-01 00:00:00'
  const speaker = options.speaker ?? 'Author'
  const aif: Aif = { nodes: [], edges: [], locutions: [], participants: [{ participantID: '1', firstname: speaker, surname: '' }] }
  let next = 1
  const node = (type: AifNode['type'], text: string): string => {
    const nodeID = String(next++)
    aif.nodes.push({ nodeID, text, type, timestamp })
    return nodeID
  }
  let edgeCount = 0
  const edge = (fromID: string, toID: string): void => {
    aif.edges.push({ edgeID: String(++edgeCount), fromID, toID, formEdgeID: null })
  }
  const iNode = new Map<string, string>()
  for (const u of map.units) {
    if (u.role === 'none') continue
    const text = plainish(u.text)
    const i = node('I', text)
    const l = node('L', `${speaker} : ${text}`)
    const ya = node('YA', 'Asserting')
    edge(l, ya)
    edge(ya, i)
    aif.locutions.push({ nodeID: l, personID: '1', timestamp, start: null, end: null, source: null })
    iNode.set(u.id, i)
  }
  for (const r of map.relations) {
    const from = iNode.get(r.from)
    const to = iNode.get(r.to)
    if (!from || !to) continue
    // AIF: support is an RA (inference), attack a CA (conflict), a restatement an MA (rephrase).
    const s = r.type === 'support' ? node('RA', 'Default Inference') : r.type === 'attack' ? node('CA', 'Default Conflict') : node('MA', 'Default Rephrase')
    edge(from, s)
    edge(s, to)
  }
  return aif
}

/** AIF JSON text (2-space indent, trailing newline). */
export function toAIF(map: ArgumentMap, options: AifOptions = {}): string {
  return JSON.stringify(toAIFObject(map, options), null, 2) + '\n'
}
