/**
 * JSON Schema (draft-07) of the diff object written by
 * `argmap diff --format json` (see types.ts for the TypeScript shape).
 */

const role = { enum: ['conclusion', 'claim', 'premise', 'none'] }
const relationType = { enum: ['support', 'attack', 'restates'] }
const id = { type: 'string', minLength: 1 }
const nat = { type: 'integer', minimum: 0 }
const unit01 = { type: 'number', minimum: 0, maximum: 1 }

const source = {
  type: 'object',
  required: ['path', 'sha256', 'title'],
  properties: { path: { type: 'string' }, sha256: { type: 'string' }, title: { type: ['string', 'null'] } },
}

const unitRef = {
  type: ['object', 'null'],
  required: ['id', 'role', 'text', 'line', 'paragraph', 'index', 'confidence'],
  additionalProperties: false,
  properties: { id, role, text: { type: 'string' }, line: { type: 'integer', minimum: 1 }, paragraph: nat, index: nat, confidence: unit01, reviewed: { const: true } },
}

const relationRef = {
  type: 'object',
  required: ['from', 'to', 'type'],
  additionalProperties: false,
  properties: { from: id, to: id, type: relationType },
}

export const diffSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://argmap.dev/schema/argmap-diff-1.json',
  title: 'argmap diff',
  description: 'What changed in the argument of a document between two versions.',
  type: 'object',
  required: ['schema', 'old', 'new', 'same', 'ignoreRewording', 'headlines', 'summary', 'paragraphs', 'units', 'relations'],
  additionalProperties: false,
  properties: {
    schema: { const: 'argmap-diff/1' },
    old: source,
    new: source,
    same: { type: 'boolean', description: 'Argument structure unchanged (exit code 0).' },
    ignoreRewording: { type: 'boolean' },
    headlines: {
      type: 'object',
      required: ['conclusion', 'lostSupport', 'newAttacksOnConclusion', 'dangling'],
      additionalProperties: false,
      properties: {
        conclusion: {
          type: 'object',
          required: ['status', 'old', 'new'],
          additionalProperties: false,
          properties: {
            status: { enum: ['same', 'reworded', 'changed', 'added', 'removed', 'none'] },
            old: { type: 'array', items: id, description: 'Old-map ids of the conclusion(s).' },
            new: { type: 'array', items: id, description: 'New-map ids of the conclusion(s).' },
          },
        },
        lostSupport: { type: 'array', items: id, description: 'New-map ids of claims that had support and have none now.' },
        newAttacksOnConclusion: { type: 'array', items: relationRef },
        dangling: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'formerTarget'],
            additionalProperties: false,
            properties: { id, formerTarget: id },
          },
        },
      },
    },
    summary: {
      type: 'object',
      required: ['unchanged', 'reworded', 'added', 'removed', 'moved', 'roleChanged', 'confidenceChanged', 'relations'],
      additionalProperties: false,
      properties: {
        unchanged: nat,
        reworded: nat,
        added: nat,
        removed: nat,
        moved: nat,
        roleChanged: nat,
        confidenceChanged: nat,
        relations: {
          type: 'object',
          required: ['unchanged', 'added', 'removed', 'flipped', 'retargeted'],
          additionalProperties: false,
          properties: { unchanged: nat, added: nat, removed: nat, flipped: nat, retargeted: nat },
        },
      },
    },
    paragraphs: {
      type: 'object',
      required: ['moved'],
      additionalProperties: false,
      properties: {
        moved: {
          type: 'array',
          items: {
            type: 'object',
            required: ['from', 'to', 'units'],
            additionalProperties: false,
            properties: { from: nat, to: nat, units: nat },
          },
        },
      },
    },
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['status', 'old', 'new', 'similarity'],
        additionalProperties: false,
        properties: {
          status: { enum: ['unchanged', 'reworded', 'added', 'removed'] },
          old: unitRef,
          new: unitRef,
          similarity: { type: ['number', 'null'], minimum: 0, maximum: 1 },
          words: {
            type: 'array',
            items: {
              type: 'object',
              required: ['op', 'text'],
              additionalProperties: false,
              properties: { op: { enum: ['equal', 'insert', 'delete'] }, text: { type: 'string' } },
            },
          },
          moved: {
            type: 'object',
            required: ['kind', 'from', 'to'],
            additionalProperties: false,
            properties: { kind: { enum: ['paragraph', 'order'] }, from: nat, to: nat },
          },
          role: {
            type: 'object',
            required: ['from', 'to'],
            additionalProperties: false,
            properties: { from: role, to: role },
          },
          confidence: {
            type: 'object',
            required: ['from', 'to'],
            additionalProperties: false,
            properties: { from: unit01, to: unit01 },
          },
        },
      },
    },
    relations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['status', 'old', 'new'],
        additionalProperties: false,
        properties: {
          status: { enum: ['unchanged', 'added', 'removed', 'flipped', 'retargeted'] },
          old: { oneOf: [relationRef, { type: 'null' }] },
          new: { oneOf: [relationRef, { type: 'null' }] },
        },
      },
    },
  },
} as const

const fileDiff = {
  type: 'object',
  required: ['status', 'old', 'new', 'diff'],
  additionalProperties: false,
  properties: {
    status: { enum: ['same', 'changed', 'added', 'removed', 'renamed'] },
    old: { type: ['string', 'null'] },
    new: { type: ['string', 'null'] },
    similarity: unit01,
    diff: { oneOf: [{ $ref: 'https://argmap.dev/schema/argmap-diff-1.json' }, { type: 'null' }] },
  },
}

/** Schema of a directory diff (`argmap diff OLD_DIR NEW_DIR --format json`). */
export const dirDiffSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://argmap.dev/schema/argmap-dirdiff-1.json',
  title: 'argmap directory diff',
  type: 'object',
  required: ['schema', 'old', 'new', 'same', 'files'],
  additionalProperties: false,
  properties: {
    schema: { const: 'argmap-dirdiff/1' },
    old: { type: 'string' },
    new: { type: 'string' },
    same: { type: 'boolean' },
    files: { type: 'array', items: fileDiff },
  },
} as const
