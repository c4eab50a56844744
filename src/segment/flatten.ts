import type { Nodes, PhrasingContent } from 'mdast'

/**
 * A prose block flattened to analysis text, with a per-character map back to
 * source offsets. remark-retext positions drift after block-quote prefixes,
 * list indentation, escapes and entities, so we align each text node's value
 * with its own source slice instead. The typed arrays are views of scratch
 * memory, valid until the next call to `flatten`: use a Flat before
 * flattening the next block.
 */
export interface Flat {
  /** Analysis text: what a reader reads (no markup, no `> ` prefixes). */
  text: string
  /** Source offset where the representation of char i starts / ends (an escape or entity spans several). */
  from: Int32Array
  to: Int32Array
  /** Chars that can never end a sentence (inside inline code or an image's alt). */
  atomic: Uint8Array
  /** Indices of chars that came from a hard line break. */
  hardBreaks: Set<number>
  /** Inline containers (emphasis, strong, delete, link, inline code): first/last char index and source span. */
  containers: Container[]
}

export interface Container {
  first: number
  last: number
  start: number
  end: number
}

/** The one case where the char-by-char alignment treats a verbatim char specially (an entity's second half). */
const LOW_SURROGATE_AFTER_SEMICOLON = /;[\uDC00-\uDFFF]/

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y

/**
 * A growing list of offsets in an Int32Array: two per analysis character,
 * so plain arrays grown by `push` were the pipeline's largest allocation
 * (each doubling copies and drops the old store, and the collector scans
 * every element). Blocks are flattened one at a time, so the offsets are
 * written into a scratch array kept between blocks (doubled when a block
 * needs more), and a block's offsets are a view of it.
 */
class Offsets {
  length = 0
  constructor(private data: Int32Array) {}

  /** Room for `need` offsets in all: the array doubled as often as that takes, what was pushed kept. */
  private reserve(need: number): void {
    if (need <= this.data.length) return
    let size = this.data.length * 2
    while (size < need) size *= 2
    const grown = new Int32Array(size)
    grown.set(this.data.subarray(0, this.length))
    this.data = grown
  }

  push(x: number): void {
    this.reserve(this.length + 1)
    this.data[this.length++] = x
  }

  /** Push first, first + 1, ..., first + n - 1 (a verbatim run: one capacity check, not one per char). */
  pushRun(first: number, n: number): void {
    const need = this.length + n
    this.reserve(need)
    const data = this.data
    for (let i = this.length, x = first; i < need; i++, x++) data[i] = x
    this.length = need
  }

  at(i: number): number {
    return this.data[i]!
  }

  /** The scratch array as grown (to keep for the next block). */
  get store(): Int32Array {
    return this.data
  }

  /** The offsets pushed: a view of the scratch array, valid until the next block is flattened. */
  done(): Int32Array {
    return this.data.subarray(0, this.length)
  }
}

/**
 * flatten's scratch arrays, reused block after block (flatten is not
 * re-entrant). A Flat's offsets and atomic marks are views of them: its one
 * caller (./index.ts segment) is done with a block before it flattens the
 * next, and a copy per block was a third of a million small array buffers
 * on the op-ed ×1000, each allocated outside the heap and counted against it.
 */
const scratch: { from: Int32Array; to: Int32Array; atomic: Uint8Array } = { from: new Int32Array(4096), to: new Int32Array(4096), atomic: new Uint8Array(4096) }

class Builder {
  text = ''
  from: Offsets
  to: Offsets
  atomic: number[] = []
  hardBreaks = new Set<number>()
  containers: Container[] = []
  constructor(
    readonly source: string,
    readonly shift: number,
  ) {
    this.from = new Offsets(scratch.from)
    this.to = new Offsets(scratch.to)
  }

  push(ch: string, from: number, to: number, atomic = false): void {
    if (atomic) this.atomic.push(this.text.length)
    this.text += ch
    this.from.push(from)
    this.to.push(to)
  }

  /** Align a text node's value with its source slice [start, end); returns the source offset after the last char placed. */
  alignText(value: string, start: number, end: number): number {
    const src = this.source
    // The common case: the value is its source verbatim (no escape, entity or
    // prefix inside), so char i maps to start + i, as the loop below would find.
    if (value.length <= end - start && src.startsWith(value, start) && !LOW_SURROGATE_AFTER_SEMICOLON.test(value)) {
      this.text += value
      this.from.pushRun(start, value.length)
      this.to.pushRun(start + 1, value.length)
      return start + value.length
    }
    let p = start
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as string
      const code = c.charCodeAt(0)
      // Second half of a surrogate pair decoded from one entity: same span as the first half.
      if (code >= 0xdc00 && code <= 0xdfff && i > 0 && this.to.length && src[p - 1] === ';') {
        const prev = this.text.length - 1
        this.push(c, this.from.at(prev), this.to.at(prev))
        continue
      }
      let placed = false
      while (p < end) {
        const s = src[p]
        if (s === c) {
          this.push(c, p, p + 1)
          p++
          placed = true
          break
        }
        if (s === '\\' && src[p + 1] === c) {
          this.push(c, p, p + 2)
          p += 2
          placed = true
          break
        }
        if (s === '&') {
          ENTITY.lastIndex = p
          const m = ENTITY.exec(src)
          if (m) {
            this.push(c, p, p + m[0].length)
            p += m[0].length
            placed = true
            break
          }
        }
        if (s === '\r' && c === '\n' && src[p + 1] === '\n') {
          this.push(c, p, p + 2)
          p += 2
          placed = true
          break
        }
        // Container prefixes (`> `, list indentation), stripped line-leading
        // whitespace and other syntax the value does not hold.
        p++
      }
      if (!placed) this.push(c, end, end)
    }
    return p
  }

  /**
   * An atomic run (inline code): chars map onto their own source chars inside
   * the node's span (skipping the backtick fence and the container prefixes
   * that continuation lines carry; a space may stand for a line ending); the
   * first char starts at the node's start, the last ends at its end.
   */
  atomicRun(value: string, start: number, end: number): void {
    if (!value) return
    const src = this.source
    let p = start
    while (p < end && src[p] === '`') p++
    for (let i = 0; i < value.length; i++) {
      const c = value[i] as string
      let a = Math.min(p, end)
      let b = a
      while (p < end) {
        const s = src[p]
        const eol = s === '\r' && src[p + 1] === '\n' ? 2 : 1
        if (s === c || (c === ' ' && (s === '\n' || s === '\r')) || (c === '\n' && s === '\r')) {
          a = p
          b = p += s === '\r' && c !== '\r' ? eol : 1
          break
        }
        p++
      }
      this.push(c, i === 0 ? start : a, i === value.length - 1 ? end : b, true)
    }
  }

  /** Source offset after the last inline node placed: where a node without a position starts. */
  cursor = 0

  /**
   * Inline children in order. `bound` is where the parent's content ends; a
   * child without a position lies between the previous child and the next
   * positioned sibling.
   */
  children(nodes: readonly PhrasingContent[], bound: number): void {
    const bounds: number[] = new Array(nodes.length)
    let next = bound
    for (let i = nodes.length - 1; i >= 0; i--) {
      bounds[i] = next
      const start = nodes[i]!.position?.start.offset
      if (start !== undefined) next = start + this.shift
    }
    nodes.forEach((c, i) => this.inline(c, bounds[i]!))
  }

  inline(node: PhrasingContent, bound: number): void {
    const pos = node.position
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) {
      // remark-gfm's autolink literals (and other transforms) leave nodes
      // without positions: align their text with the source between the
      // previous node and the next positioned one.
      if (node.type === 'text') this.cursor = this.alignText(node.value, this.cursor, bound)
      else if ('value' in node && typeof node.value === 'string' && node.type !== 'html') {
        for (const ch of node.value) this.push(ch, this.cursor, this.cursor, true)
      } else if ('children' in node) this.children(node.children as PhrasingContent[], bound)
      return
    }
    const start = pos.start.offset + this.shift
    const end = pos.end.offset + this.shift
    this.cursor = end
    switch (node.type) {
      case 'text':
        this.alignText(node.value, start, end)
        return
      case 'inlineCode': {
        const first = this.text.length
        this.atomicRun(node.value || ' ', start, end)
        this.containers.push({ first, last: this.text.length - 1, start, end })
        return
      }
      case 'break':
        this.hardBreaks.add(this.text.length)
        this.push('\n', start, end)
        return
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return
      default: {
        if (!('children' in node)) return
        const first = this.text.length
        this.cursor = start
        this.children(node.children as PhrasingContent[], end)
        this.cursor = end
        if (this.text.length > first) this.containers.push({ first, last: this.text.length - 1, start, end })
      }
    }
  }
}

export function flatten(block: Nodes, source: string, shift: number): Flat {
  const pos = block.position
  const b = new Builder(source, shift)
  if ('children' in block) {
    b.cursor = (pos?.start.offset ?? 0) + shift
    b.children(block.children as PhrasingContent[], pos?.end.offset !== undefined ? pos.end.offset + shift : source.length)
  }
  if (scratch.atomic.length < b.text.length) scratch.atomic = new Uint8Array(Math.max(b.text.length, scratch.atomic.length * 2))
  const atomic = scratch.atomic.subarray(0, b.text.length).fill(0)
  for (const i of b.atomic) atomic[i] = 1
  scratch.from = b.from.store
  scratch.to = b.to.store
  return { text: b.text, from: b.from.done(), to: b.to.done(), atomic, hardBreaks: b.hardBreaks, containers: b.containers }
}
