// The query input. The typed text is a draft until Enter: only then does it become the search
// (and a history entry, so Back returns to the previous query). A problem in the query is shown
// under the box with the offending span marked.
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { QueryProblem } from '../../../../shared/domain';
import { problemSegments } from './highlight';
import { QueryHelp } from './QueryHelp';

interface Props {
  ref?: Ref<HTMLInputElement>;
  query: string;
  problem: QueryProblem | null;
  onSubmit(query: string): void;
  /** Esc or ArrowDown in the box: hand the keyboard to the results list. */
  onLeave(): void;
}

export function QueryBox({ ref, query, problem, onSubmit, onLeave }: Props) {
  const [draft, setDraft] = useState(query);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const problemId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);

  // Back/Forward, a facet click or a saved search changes the query from outside.
  useEffect(() => setDraft(query), [query]);

  useEffect(() => {
    if (!helpOpen) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof PointerEvent && wrapRef.current?.contains(event.target as Node)) return;
      setHelpOpen(false);
    };
    window.addEventListener('keydown', close, true);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('pointerdown', close);
    };
  }, [helpOpen]);

  const showProblem = problem !== null && draft === query;

  return (
    <div className="query-box" ref={wrapRef}>
      <div className="query-box__row">
        <svg className="query-box__icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={ref}
          className="query-box__input"
          type="search"
          aria-label="Search query"
          aria-describedby={showProblem ? problemId : undefined}
          aria-invalid={showProblem ? true : undefined}
          placeholder='Search — words, "phrases", channel:, lang:, date:…  (press / to focus)'
          spellCheck={false}
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSubmit(draft.trim());
            } else if (e.key === 'Escape' || e.key === 'ArrowDown') {
              e.preventDefault();
              onLeave();
            }
          }}
        />
        <button
          type="button"
          className="query-box__help-toggle"
          aria-label="Query language help"
          aria-expanded={helpOpen}
          aria-controls={helpOpen ? helpId : undefined}
          title="Query language"
          onClick={() => setHelpOpen((o) => !o)}
        >
          ?
        </button>
      </div>
      {showProblem && (
        <div className="query-box__problem" id={problemId} role="alert" data-testid="query-problem">
          <span className="query-box__problem-message">{problem.message}</span>
          <code className="query-box__problem-text">
            {problemSegments(query, problem.start, problem.end).map((seg, i) =>
              seg.marked ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
            )}
          </code>
        </div>
      )}
      {helpOpen && <QueryHelp id={helpId} />}
    </div>
  );
}
