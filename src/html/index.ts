export { renderCorpusPage, type CorpusEntry } from './corpus.js'
export { layoutMap, type GraphLayout } from './layout.js'
export { renderPage, type PageOptions } from './page.js'
export { reviewQueue } from '../review/queue.js'
