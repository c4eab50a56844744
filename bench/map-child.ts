/**
 * What `argmap map FILE --format json` does, from the library's own modules
 * (tsc's output, one file per module) rather than the bundled executable:
 * profiled by the benchmark so that a function's file says which part of the
 * pipeline it belongs to (in the bundle, a chunk holds many modules). Reads
 * the file, maps it with the default model, writes the JSON in pieces.
 */
import { readFileSync, writeSync } from 'node:fs'
import { jsonPieces } from '../src/emit/json.js'
import { analyze } from '../src/pipeline.js'

const path = process.argv[2]!
const text = readFileSync(path, 'utf8')
for (const piece of jsonPieces(analyze(text, { path }))) writeSync(1, piece)
