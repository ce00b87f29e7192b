// The renderer's way to call the back end. Results cross as data (DESIGN §2): `call` never
// throws — even a transport failure (server gone, IPC broken) comes back as `{ok:false}` — and
// `callOrNotify` turns a failure into a readable notice for actions the analyst started.
import type { ApiError, ApiEvents, EventName, Method, Req, Res, Result } from '../../../shared/api';
import { getBridge } from '../bridge';
import { notify } from './notices';

function transportError(err: unknown): ApiError {
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'UNAVAILABLE', message: `Sifter's back end could not be reached (${detail}).` };
}

export async function call<M extends Method>(method: M, req: Req<M>): Promise<Result<Res<M>>> {
  try {
    return await getBridge().call(method, req);
  } catch (err) {
    return { ok: false, error: transportError(err) };
  }
}

/**
 * Runs a call on the analyst's behalf: the value on success, null on failure after showing
 * "Could not <action>" with the back end's message.
 */
export async function callOrNotify<M extends Method>(
  method: M,
  req: Req<M>,
  action: string,
): Promise<Res<M> | null> {
  const result = await call(method, req);
  if (result.ok) return result.value;
  notify({ kind: 'error', title: `Could not ${action}`, message: result.error.message });
  return null;
}

/** Subscribes to a pushed event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: ApiEvents[E]) => void,
): () => void {
  try {
    return getBridge().on(event, listener);
  } catch (err) {
    notify({ kind: 'error', title: 'Live updates are unavailable', message: transportError(err).message });
    return () => {};
  }
}
