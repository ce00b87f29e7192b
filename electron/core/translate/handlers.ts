// Translation calls of the handler map (shared/api/translate.ts).
import type { translateCalls, EnginesInfo, KeyedEngineId, KeyStatus } from '../../../shared/api/translate';
import { keyedEngineIds } from '../../../shared/api/translate';
import type { Core } from '../core';
import type { HandlersFor } from '../handler';
import { SifterError } from '../errors';
import { chosenEngine, CONFIGURE_HELP, createEngine, engineStatuses } from './engines';
import { resolveSelection, startTranslateJob } from './job';
import { keyFileSecretStore } from './key-files';
import { secretStoreFor, type SecretStore } from './secrets';
import { editSegment, getTranslation, translateItem, translationUsage } from './service';

/** Listing pairs is a network call; Settings should not hang on a dead server. */
const PAIRS_TIMEOUT_MS = 10_000;

/**
 * Where Settings stores a key: the core's store in the app (safeStorage, plugged in by
 * electron/main), the user-only key file that the environment store reads in browser/CLI mode.
 */
function writableSecretStore(core: Core): SecretStore {
  return core.options.mode === 'electron' ? secretStoreFor(core) : keyFileSecretStore();
}

/** Whether an engine's key is found, and where — read as the engines read it, never returned. */
async function keyStatus(core: Core, engine: KeyedEngineId): Promise<KeyStatus> {
  try {
    const found = await secretStoreFor(core).get(engine);
    return { engine, set: found !== null, source: found?.source ?? null, problem: null };
  } catch (err) {
    return { engine, set: false, source: null, problem: (err as Error).message };
  }
}

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
  'translate.setKey': async (req, core) => {
    const store = writableSecretStore(core);
    if (req.key === null) await store.delete(req.engine);
    else await store.set(req.engine, req.key);
    const status = await keyStatus(core, req.engine);
    // An environment variable wins over a stored key: say so rather than seem to ignore the save.
    if (req.key !== null && status.source?.startsWith('environment variable'))
      status.problem = `The key was saved, but ${status.source} is set and is used instead.`;
    return status;
  },
  'translate.keyStatus': (_req, core) => Promise.all(keyedEngineIds.map((id) => keyStatus(core, id))),
};
