// The whole contract: every call of every domain, and the bridge both transports implement.
import type { z } from 'zod';
import type { ApiEvents, EventName } from './events';
import type { Result } from './define';
import { workspaceCalls } from './workspace';
import { settingsCalls } from './settings';
import { jobCalls } from './jobs';
import { importCalls } from './imports';
import { searchCalls } from './search';
import { translateCalls } from './translate';
import { tagCalls } from './tags';
import { reportCalls } from './reports';

export * from './define';
export * from './events';

export const calls = {
  ...workspaceCalls,
  ...settingsCalls,
  ...jobCalls,
  ...importCalls,
  ...searchCalls,
  ...translateCalls,
  ...tagCalls,
  ...reportCalls,
} as const;

export type Calls = typeof calls;
export type Method = keyof Calls;
export type Req<M extends Method> = z.input<Calls[M]['req']>;
export type ParsedReq<M extends Method> = z.output<Calls[M]['req']>;
export type Res<M extends Method> = NonNullable<Calls[M]['res']>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

/** What the renderer talks to: `window.sifter` in Electron, `httpBridge()` in browser mode. */
export interface SifterBridge {
  call<M extends Method>(method: M, req: Req<M>): Promise<Result<Res<M>>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** The absolute path of a dropped file (Electron); null in browser mode, where files are uploaded. */
  pathForFile(file: File): string | null;
}
