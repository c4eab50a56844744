/** Whole-process baseline: a bare node process that reads a markdown file, parses and stringifies it with remark, and writes the result to standard output. */
import { readFileSync } from 'node:fs'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'

const processor = unified().use(remarkParse).use(remarkStringify)
process.stdout.write(processor.stringify(processor.parse(readFileSync(process.argv[2]!, 'utf8'))))
