// Format-specific data an item may carry in `extra` (a Telegram poll, post metrics…), read
// defensively: `extra` is whatever the importer kept, so every field is checked before use.

export interface PollView {
  question: string;
  closed: boolean;
  totalVoters: number | null;
  answers: { text: string; voters: number | null; chosen: boolean }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** The poll of a Telegram post (`extra.poll`, in Telegram's or camelCase spelling), or null. */
export function readPoll(extra: Record<string, unknown> | null | undefined): PollView | null {
  const poll = extra?.poll;
  if (!isRecord(poll) || typeof poll.question !== 'string') return null;
  const answers = Array.isArray(poll.answers) ? poll.answers : [];
  return {
    question: poll.question,
    closed: poll.closed === true,
    totalVoters: num(poll.total_voters ?? poll.totalVoters),
    answers: answers.filter(isRecord).map((a) => ({
      text: typeof a.text === 'string' ? a.text : '',
      voters: num(a.voters),
      chosen: a.chosen === true,
    })),
  };
}

/** Share of the votes as a whole percentage (0 when nobody voted). */
export function votePercent(voters: number | null, total: number | null): number {
  if (!voters || !total) return 0;
  return Math.round((voters / total) * 100);
}
