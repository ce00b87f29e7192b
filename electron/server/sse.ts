// GET /api/events — the core's pushed events as Server-Sent Events. Each event is one `message`
// whose data is `{"event": name, "payload": …}`, so a client needs one listener for every event
// name, present and future. A comment line every `heartbeatMs` keeps proxies and idle timers from
// closing the stream and lets a client notice a dead server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '../core/events';
import { baseHeaders } from './http-util';

export interface SseClients {
  /** Ends every open stream (the server is closing). */
  closeAll(): void;
  readonly size: number;
}

export function createSseHub(events: EventBus, heartbeatMs: number) {
  const open = new Set<ServerResponse>();

  function attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // `retry` tells EventSource-style clients how soon to reconnect after a drop.
    res.write('retry: 2000\n: connected\n\n');
    open.add(res);
    const unsubscribe = events.subscribe((event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), heartbeatMs);
    heartbeat.unref();
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
  }

  const clients: SseClients = {
    closeAll() {
      for (const res of open) res.end();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
  return { attach, clients };
}
