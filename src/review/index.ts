export { acceptCorrections, type AcceptOptions, type AcceptResult } from './accept.js'
export { applyCorrections, type ApplyOptions, type ApplyResult } from './apply.js'
export { loadSidecarFor, reviewMap } from './run-hooks.js'
export { type LoadedSidecar, readSidecar, writeSidecar } from './files.js'
export {
  type Correction,
  type CorrectionRelation,
  parseSidecar,
  serializeSidecar,
  SIDECAR_SCHEMA,
  type Sidecar,
  SidecarError,
  sidecarPath,
} from './sidecar.js'
export { documentStatus, formatStatus } from './status.js'
