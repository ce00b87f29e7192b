import type { Method, ParsedReq, Res } from '../../shared/api';
import type { Core } from './core';

export type Handler<M extends Method> = (req: ParsedReq<M>, core: Core) => Promise<Res<M>> | Res<M>;

/** The handlers of one domain: exactly the calls that domain declares in shared/api. */
export type HandlersFor<Calls> = { [M in keyof Calls & Method]: Handler<M> };
