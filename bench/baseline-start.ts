/** Cold-start baseline (issue 18's words): a bare node process that imports unified and remark-parse and parses the op-ed. */
import { readFileSync } from 'node:fs'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const tree = unified().use(remarkParse).parse(readFileSync(process.argv[2]!, 'utf8'))
if (!tree.children.length) process.exitCode = 1
