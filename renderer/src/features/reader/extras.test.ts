import { describe, expect, it } from 'vitest';
import { readPoll, votePercent } from './extras';

describe('readPoll', () => {
  it('reads a Telegram export poll', () => {
    const poll = readPoll({
      poll: {
        question: 'Выйдете ли вы на пикет 6 января?',
        closed: false,
        total_voters: 388,
        answers: [
          { text: 'Да', voters: 301, chosen: false },
          { text: 'Нет', voters: 87, chosen: true },
        ],
      },
    });
    expect(poll).toEqual({
      question: 'Выйдете ли вы на пикет 6 января?',
      closed: false,
      totalVoters: 388,
      answers: [
        { text: 'Да', voters: 301, chosen: false },
        { text: 'Нет', voters: 87, chosen: true },
      ],
    });
    expect(votePercent(301, 388)).toBe(78);
  });

  it('gives null or safe defaults for anything malformed', () => {
    expect(readPoll({})).toBeNull();
    expect(readPoll({ poll: 'yes' })).toBeNull();
    expect(readPoll(null)).toBeNull();
    expect(readPoll({ poll: { question: 'Q', answers: [null, { text: 5, voters: -1 }] } })).toEqual({
      question: 'Q',
      closed: false,
      totalVoters: null,
      answers: [{ text: '', voters: null, chosen: false }],
    });
    expect(votePercent(3, 0)).toBe(0);
  });
});
