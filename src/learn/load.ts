/**
 * Where models come from: a model file given by path, or the model shipped
 * with the package (`models/argmap-open.json`, trained only on argmap's own
 * open gold). `ARGMAP_MODEL` (a path, or `rules`) overrides the default for
 * a process and the workers it starts; the CLI's `--model` sets it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Model, type ModelFile } from './model.js'

/**
 * The shipped model's path: `models/` at the package root, two levels above this module in dist/ and src/
 * (three in the benchmark's build, dist-bench/src/learn/).
 */
export const SHIPPED_MODEL = ['../../models/argmap-open.json', '../../../models/argmap-open.json']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p)) ?? fileURLToPath(new URL('../../models/argmap-open.json', import.meta.url))

export class ModelError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModelError'
  }
}

const cache = new Map<string, Model>()

/** Read a model file; a clear error when it is missing or not a model. */
export function loadModel(path: string): Model {
  const hit = cache.get(path)
  if (hit) return hit
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ModelError(`Cannot read model ${path}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`)
  }
  let file: ModelFile
  try {
    file = JSON.parse(text) as ModelFile
  } catch {
    throw new ModelError(`Invalid model ${path}: not JSON`)
  }
  let model: Model
  try {
    model = new Model(file)
  } catch (error) {
    throw new ModelError(`Invalid model ${path}: ${(error as Error).message}`)
  }
  cache.set(path, model)
  return model
}

/** What `analyze` uses when no model is passed: `ARGMAP_MODEL`, else the shipped model, else the rules. */
export function defaultModel(): Model | 'rules' {
  const env = process.env.ARGMAP_MODEL
  if (env === 'rules') return 'rules'
  if (env) return loadModel(env)
  return existsSync(SHIPPED_MODEL) ? loadModel(SHIPPED_MODEL) : 'rules'
}
