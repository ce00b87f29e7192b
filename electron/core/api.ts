// The one handler map that implements shared/api (DESIGN §2). Every transport — IPC in the app,
// HTTP in browser mode, the CLI — dispatches through `dispatch`, which validates the request with
// the call's zod schema before any handler runs and turns every failure into `{ok:false,error}`.
import { calls, isMethod, type Method, type ParsedReq, type Result } from '../../shared/api';
import type { Core } from './core';
import { SifterError, toApiError } from './errors';
import type { Handler } from './handler';
import { importHandlers } from './importers/handlers';
import { searchHandlers } from './search/handlers';
import { translateHandlers } from './translate/handlers';
import { tagHandlers } from './tags/handlers';
import { reportHandlers } from './reports/handlers';

export type HandlerMap = { [M in Method]: Handler<M> };

/** Domain groups live beside their domain (importers/handlers.ts…); this map joins them all. */
export const handlers: HandlerMap = {
  ...importHandlers,
  ...searchHandlers,
  ...translateHandlers,
  ...tagHandlers,
  ...reportHandlers,

  'app.info': (_req, core) => ({
    version: core.options.version,
    mode: core.options.mode === 'electron' ? 'electron' : 'browser',
    workspace: core.workspace.paths.dir,
  }),
  'workspace.info': (_req, core) => core.workspace.info(),
  'workspace.open': async (req, core) => (await core.switchWorkspace(req.dir)).info(),
  'workspace.recent': (_req, core) => core.recent.list(),

  'settings.get': (_req, core) => ({ settings: core.settings.get(), warning: core.settings.warning }),
  'settings.update': (req, core) => {
    const settings = core.settings.update(req.patch);
    core.events.emit('settings.changed', { settings });
    return { settings };
  },

  'jobs.list': (_req, core) => core.jobs.list(),
  'jobs.cancel': (req, core) => ({ cancelled: core.jobs.cancel(req.id) }),
};

/** Validates and runs one call. Never throws: errors cross as data. */
export async function dispatch(core: Core, method: string, request: unknown): Promise<Result<unknown>> {
  try {
    if (typeof method !== 'string' || !isMethod(method)) {
      throw new SifterError('INVALID', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    const parsed = calls[method].req.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new SifterError(
        'INVALID',
        `Invalid request for ${method}${where}: ${issue?.message ?? 'malformed'}`,
      );
    }
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(parsed.data as ParsedReq<Method>, core);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
