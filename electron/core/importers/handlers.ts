// Import calls of the handler map. (Placeholder until the import pipeline lands.)
import type { importCalls } from '../../../shared/api/imports';
import type { HandlersFor } from '../handler';
import { SifterError } from '../errors';

const notYet = (): never => {
  throw new SifterError('UNSUPPORTED', 'Import is not available yet.');
};

export const importHandlers: HandlersFor<typeof importCalls> = {
  'import.start': notYet,
  'import.list': () => [],
  'import.remove': notYet,
  'import.inspectCsv': notYet,
};
