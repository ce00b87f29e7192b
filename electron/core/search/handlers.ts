// Search, item and saved-search calls of the handler map.
import type { searchCalls } from '../../../shared/api/search';
import type { HandlersFor } from '../handler';
import { searchService } from './service';
import { itemContext, itemDetail } from './items';

export const searchHandlers: HandlersFor<typeof searchCalls> = {
  'search.query': (req, core) => searchService(core).search(req),
  'search.ids': (req, core) => searchService(core).ids(req.query),
  'items.get': (req, core) => itemDetail(core.workspace, req.id),
  'items.context': (req, core) => itemContext(core.workspace.db, req.id, req.radius),
  'saved.list': (_req, core) => searchService(core).savedList(),
  'saved.create': (req, core) => searchService(core).savedCreate(req.name, req.query),
  'saved.open': (req, core) => searchService(core).savedOpen(req.id),
  'saved.remove': async (req, core) => ({ removed: await searchService(core).savedRemove(req.id) }),
};
