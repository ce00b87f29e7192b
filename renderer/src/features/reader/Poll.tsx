import { formatCount } from '../search/time';
import { votePercent, type PollView } from './extras';

export function Poll({ poll }: { poll: PollView }) {
  return (
    <section className="poll" aria-label="Poll">
      <h3 className="poll__question">{poll.question}</h3>
      <ul className="poll__answers">
        {poll.answers.map((a, i) => {
          const pct = votePercent(a.voters, poll.totalVoters);
          return (
            <li key={i} className={`poll__answer${a.chosen ? ' is-chosen' : ''}`}>
              <span className="poll__bar" style={{ width: `${pct}%` }} aria-hidden="true" />
              <span className="poll__text">{a.text}</span>
              <span className="poll__votes">
                {a.voters === null ? '—' : `${formatCount(a.voters)} · ${pct}%`}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="poll__footer">
        {poll.totalVoters === null ? 'votes not recorded' : `${formatCount(poll.totalVoters)} voters`}
        {poll.closed ? ' · closed' : ''}
      </p>
    </section>
  );
}
