// "Test connection": asks the configured engine for its language pairs, which proves the address
// and the key; the pairs are listed, or the engine's error as the back end worded it (bad key,
// quota, unreachable…).
import { useState } from 'react';
import type { EnginesInfo } from '../../../../../shared/api/translate';
import { call } from '../../../app/api';
import { SettingRow } from '../../settings/SettingRow';
import { languageName } from '../labels';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; info: EnginesInfo }
  | { kind: 'error'; message: string };

export function EngineTest({ configured }: { configured: boolean }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const test = async () => {
    setOutcome({ kind: 'busy' });
    const result = await call('translate.engines', { pairs: true });
    setOutcome(
      result.ok ? { kind: 'done', info: result.value } : { kind: 'error', message: result.error.message },
    );
  };

  const info = outcome.kind === 'done' ? outcome.info : null;
  const problem =
    outcome.kind === 'error'
      ? outcome.message
      : info && (info.pairsError ?? (info.current === 'none' ? 'No engine is chosen.' : null));
  return (
    <SettingRow label="Connection" help="Asks the engine which languages it translates.">
      <div className="field-row">
        <button
          type="button"
          className="button"
          disabled={!configured || outcome.kind === 'busy'}
          onClick={() => void test()}
        >
          {outcome.kind === 'busy' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div className="engine-test" aria-live="polite" data-testid="engine-test">
        {problem && (
          <p className="engine-test__error" role="alert">
            {problem}
          </p>
        )}
        {info?.pairs && (
          <>
            <p className="engine-test__ok">
              Connected: {info.pairs.length} language {info.pairs.length === 1 ? 'pair' : 'pairs'}.
            </p>
            <ul className="engine-test__pairs" aria-label="Language pairs">
              {info.pairs.map((p) => (
                <li
                  key={`${p.from}-${p.to}`}
                  title={`${languageName(p.from === 'auto' ? null : p.from)} → ${languageName(p.to)}`}
                >
                  {p.from} → {p.to}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </SettingRow>
  );
}
