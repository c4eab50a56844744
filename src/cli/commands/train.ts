import { isAbsolute, resolve } from 'node:path'
import { GoldError, readGold } from '../../eval/gold.js'
import { formatModel } from '../../learn/model.js'
import { labelGold, trainModel } from '../../learn/train.js'
import { writeAtomic } from '../../engine/io.js'
import type { GoldDoc } from '../../eval/types.js'

export interface TrainArgs {
  gold: string[]
  out?: string
  splits?: string[]
}

export interface TrainIo {
  cwd: string
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

/** `argmap train --gold FILE.jsonl... [--split NAME...] --out MODEL.json` */
export async function trainCommand(opts: TrainArgs, io: TrainIo): Promise<number> {
  if (!opts.out) {
    io.stderr.write('argmap train: missing --out MODEL.json\n')
    return 2
  }
  if (!opts.gold.length) {
    io.stderr.write('argmap train: missing --gold FILE.jsonl\n')
    return 2
  }
  const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p))
  const docs: GoldDoc[] = []
  try {
    for (const g of opts.gold) {
      for (const d of readGold(at(g))) if (!opts.splits?.length || opts.splits.includes(d.split ?? '')) docs.push(d)
    }
  } catch (error) {
    if (error instanceof GoldError) {
      io.stderr.write(`argmap train: ${error.message}\n`)
      return 1
    }
    throw error
  }
  if (!docs.length) {
    io.stderr.write('argmap train: no gold documents to learn from (check --split)\n')
    return 1
  }
  const progress = (m: string) => io.stderr.write(`argmap train: ${m}\n`)
  progress(`reading ${docs.length} documents`)
  const labelled = docs.map(labelGold)
  const trainedOn = opts.gold.map((g) => g + (opts.splits?.length ? ` (split ${opts.splits.join(', ')})` : ''))
  const model = trainModel({ docs: labelled, trainedOn, progress })
  writeAtomic(at(opts.out), formatModel(model))
  io.stdout.write(
    `argmap train: wrote ${opts.out}: ${model.about.documents} documents, ${model.about.units} units, ${model.about.relations} relations; ` +
      `${Object.keys(model.roles.weights).length} role, ${Object.keys(model.links.weights).length} link, ${Object.keys(model.types.weights).length} type features\n`,
  )
  return 0
}
