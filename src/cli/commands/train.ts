import { isAbsolute, resolve } from 'node:path'
import { GoldError, readGold } from '../../eval/gold.js'
import { formatModel } from '../../learn/model.js'
import { labelReviewed } from '../../learn/reviewed.js'
import { labelGold, trainModel } from '../../learn/train.js'
import { expandInputs } from '../../engine/inputs.js'
import { writeAtomic } from '../../io/files.js'
import type { GoldDoc } from '../../eval/types.js'

export interface TrainArgs {
  gold: string[]
  /** Sources (files or directories) whose review sidecars add the reviewers' corrections as labels. */
  reviewed?: string[]
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
  if (!opts.gold.length && !opts.reviewed?.length) {
    io.stderr.write('argmap train: missing --gold FILE.jsonl (or --reviewed PATHS)\n')
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
  const progress = (m: string) => io.stderr.write(`argmap train: ${m}\n`)
  progress(`reading ${docs.length} gold documents`)
  const labelled = docs.map(labelGold)
  const trainedOn = opts.gold.map((g) => g + (opts.splits?.length ? ` (split ${opts.splits.join(', ')})` : ''))
  if (opts.reviewed?.length) {
    let found = 0
    for (const input of expandInputs(opts.reviewed, io.cwd)) {
      try {
        const doc = labelReviewed(input.abs)
        if (doc) (labelled.push(doc), found++)
      } catch (error) {
        io.stderr.write(`argmap train: ${input.path}: ${(error as Error).message}\n`)
        return 1
      }
    }
    progress(`read the corrections of ${found} reviewed documents`)
    trainedOn.push(...opts.reviewed.map((p) => `reviewed: ${p}`))
  }
  if (!labelled.length) {
    io.stderr.write('argmap train: nothing to learn from (no gold documents match, no reviewed corrections found)\n')
    return 1
  }
  const model = trainModel({ docs: labelled, trainedOn, progress })
  writeAtomic(at(opts.out), formatModel(model))
  io.stdout.write(
    `argmap train: wrote ${opts.out}: ${model.about.documents} documents, ${model.about.units} units, ${model.about.relations} relations; ` +
      `${Object.keys(model.roles.weights).length} role, ${Object.keys(model.links.weights).length} link, ${Object.keys(model.types.weights).length} type features\n`,
  )
  return 0
}
