import type { ApiEvents, EventName } from '../../shared/api';

export type EventListener = <E extends EventName>(event: E, payload: ApiEvents[E]) => void;

/** Fan-out of pushed events to every transport (IPC windows, SSE clients, CLI progress). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken listener (a closed window, a dropped SSE client) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
