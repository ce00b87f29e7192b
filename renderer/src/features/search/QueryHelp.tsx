// The in-app reference of the query language. The entries come from the language itself
// (shared/query/help.ts, kept in step with the README), so the popover never drifts from what the
// parser accepts.
import { QUERY_HELP } from '../../../../shared/query/help';

export function QueryHelp({ id }: { id: string }) {
  return (
    <div id={id} className="query-help" role="dialog" aria-label="Query language">
      <table>
        <tbody>
          {QUERY_HELP.map((entry) => (
            <tr key={entry.syntax}>
              <td>
                {entry.syntax.split(/\s{2,}\/\s{2,}|\s{2,}/).map((part) => (
                  <code key={part}>{part}</code>
                ))}
              </td>
              <td>{entry.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="query-help__notes">
        Terms are combined with AND unless you write OR; write <code>AND</code>, <code>OR</code>,{' '}
        <code>NOT</code> and <code>NEAR/5</code> in capitals. Quote field values with spaces or brackets. A
        query the parser cannot read fully is searched as far as it can be, with a note under the box pointing
        at the problem.
      </p>
      <p className="query-help__keys">
        <kbd>/</kbd> focus the query · <kbd>Enter</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> move through
        results · <kbd>Enter</kbd> open in the Reader · <kbd>c</kbd> copies · <kbd>Esc</kbd> from the box to
        the list
      </p>
    </div>
  );
}
