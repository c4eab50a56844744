/** Cold-start baseline: a bare node process that imports unified, remark-parse and remark-stringify and parses the op-ed. */
import { readFileSync } from 'node:fs'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

const tree = unified().use(remarkParse).use(remarkStringify).parse(readFileSync(process.argv[2]!, 'utf8'))
if (!tree.children.length) process.exitCode = 1
