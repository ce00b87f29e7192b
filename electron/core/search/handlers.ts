// Search, item and saved-search calls of the handler map. (Placeholder until search lands.)
import type { searchCalls } from '../../../shared/api/search';
import type { HandlersFor } from '../handler';
import { SifterError } from '../errors';

const notYet = (): never => {
  throw new SifterError('UNSUPPORTED', 'Search is not available yet.');
};

export const searchHandlers: HandlersFor<typeof searchCalls> = {
  'search.query': notYet,
  'search.ids': notYet,
  'items.get': notYet,
  'items.context': notYet,
  'saved.list': () => [],
  'saved.create': notYet,
  'saved.open': notYet,
  'saved.remove': notYet,
};
