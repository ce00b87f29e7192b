// Translation calls of the handler map (shared/api/translate.ts).
import type { translateCalls, EnginesInfo } from '../../../shared/api/translate';
import type { HandlersFor } from '../handler';
import { SifterError } from '../errors';
import { chosenEngine, CONFIGURE_HELP, createEngine, engineStatuses } from './engines';
import { resolveSelection, startTranslateJob } from './job';
import { secretStoreFor } from './secrets';
import { editSegment, getTranslation, translateItem, translationUsage } from './service';

/** Listing pairs is a network call; Settings should not hang on a dead server. */
const PAIRS_TIMEOUT_MS = 10_000;

export const translateHandlers: HandlersFor<typeof translateCalls> = {
  'translate.engines': async (req, core) => {
    const settings = core.settings.get();
    const secrets = secretStoreFor(core);
    const current = chosenEngine(settings) ?? 'none';
    const info: EnginesInfo = {
      current,
      engines: await engineStatuses(settings, secrets),
      pairs: null,
      pairsError: null,
      help: CONFIGURE_HELP,
    };
    if (req.pairs && current !== 'none') {
      try {
        const engine = await createEngine(settings, secrets, {
          http: { timeoutMs: PAIRS_TIMEOUT_MS, maxRetries: 0 },
        });
        info.pairs = await engine.listPairs();
      } catch (err) {
        info.pairsError = (err as Error).message;
      }
    }
    return info;
  },
  'translate.item': (req, core) => translateItem(core, req.itemId, req.to, { engine: req.engine }),
  'translate.get': (req, core) => getTranslation(core, req.itemId, req.to),
  'translate.editSegment': (req, core) => editSegment(core, req.itemId, req.to, req.index, req.text),
  'translate.start': async (req, core) => {
    const ids = await resolveSelection(core, req);
    if (ids.length === 0) throw new SifterError('NOT_FOUND', 'No items match: nothing to translate.');
    const { jobId } = startTranslateJob(core, ids, req.to, { engine: req.engine });
    return { jobId, items: ids.length };
  },
  'translate.usage': (_req, core) => translationUsage(core),
};
