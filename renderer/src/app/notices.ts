// Toasts: short notices in a corner of the window. Errors stay until dismissed (the analyst must
// be able to read them); information and success notices leave by themselves.
import { create } from 'zustand';

export type NoticeKind = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  message?: string;
}

export interface NoticeInput {
  kind?: NoticeKind;
  title: string;
  message?: string;
  /** Milliseconds before it leaves; 0 keeps it until dismissed. Defaults by kind. */
  timeoutMs?: number;
}

const MAX_NOTICES = 5;

interface NoticeStore {
  notices: Notice[];
}

const useNoticeStore = create<NoticeStore>(() => ({ notices: [] }));
let nextId = 1;

export function dismissNotice(id: number): void {
  useNoticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** Shows a notice and returns its id (for dismissNotice). */
export function notify(input: NoticeInput): number {
  const kind = input.kind ?? 'info';
  const id = nextId++;
  const notice: Notice = {
    id,
    kind,
    title: input.title,
    ...(input.message ? { message: input.message } : {}),
  };
  // The same message twice in a row (a repeated failing action) replaces the older one.
  useNoticeStore.setState((s) => ({
    notices: [
      ...s.notices.filter((n) => n.title !== notice.title || n.message !== notice.message),
      notice,
    ].slice(-MAX_NOTICES),
  }));
  const timeout = input.timeoutMs ?? (kind === 'error' || kind === 'warning' ? 0 : 5000);
  if (timeout > 0) setTimeout(() => dismissNotice(id), timeout);
  return id;
}

export function useNotices(): Notice[] {
  return useNoticeStore((s) => s.notices);
}
