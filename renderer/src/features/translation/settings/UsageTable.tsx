// Usage from the translation memory: sentences and billed characters per engine variant, so the
// analyst can keep an eye on a paid plan. Sentences served from memory cost nothing and are not
// counted again.
import { useEffect, useState } from 'react';
import type { TranslationUsage } from '../../../../../shared/api/translate';
import { call, subscribe } from '../../../app/api';
import { SettingRow } from '../../settings/SettingRow';
import { engineLabel } from '../labels';

const count = new Intl.NumberFormat();

export function UsageTable() {
  const [usage, setUsage] = useState<TranslationUsage | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('translate.usage', {}).then((r) => {
        if (live && r.ok) setUsage(r.value);
      });
    load();
    const off = subscribe('translate.updated', load);
    return () => {
      live = false;
      off();
    };
  }, []);

  return (
    <SettingRow
      label="Usage"
      help="Characters sent to each engine (what paid plans bill), from this workspace's translation memory."
    >
      {usage === null ? null : usage.byEngine.length === 0 ? (
        <p className="setting__hint">Nothing translated by an engine yet.</p>
      ) : (
        <table className="usage-table" data-testid="translation-usage">
          <thead>
            <tr>
              <th scope="col">Engine</th>
              <th scope="col">Sentences</th>
              <th scope="col">Billed characters</th>
            </tr>
          </thead>
          <tbody>
            {usage.byEngine.map((u) => (
              <tr key={u.engine}>
                <td>{engineLabel(u.engine)}</td>
                <td>{count.format(u.sentences)}</td>
                <td>{count.format(u.billedChars)}</td>
              </tr>
            ))}
          </tbody>
          {usage.byEngine.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td>{count.format(usage.totalBilledChars)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
    </SettingRow>
  );
}
