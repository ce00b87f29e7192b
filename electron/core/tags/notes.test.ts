import { openWorkspace } from '../workspace/workspace';
import { noteOf, setNote } from './notes';
import { itemIdsWithNoteLike } from './queries';
import { openTemp, seedCount } from './testing';
import { undoLast } from './undo';

describe('notes', () => {
  it('keeps one note per item: set, replace, blank deletes; each change undoable; survives a restart', () => {
    const ws = openTemp();
    const dir = ws.paths.dir;
    const [item, other] = seedCount(ws, 2) as [number, number];
    expect(noteOf(ws.db, item).body).toBeNull();
    expect(setNote(ws, item, 'Check the 100% claim_with_source').body).toBe(
      'Check the 100% claim_with_source',
    );
    expect(setNote(ws, item, 'Checked: the figure is from the ministry').body).toBe(
      'Checked: the figure is from the ministry',
    );
    setNote(ws, other, 'unrelated');
    expect(itemIdsWithNoteLike(ws.db, 'MINISTRY')).toEqual([item]);
    expect(itemIdsWithNoteLike(ws.db, '100%')).toEqual([]); // the old text is gone, and % is literal
    expect(undoLast(ws)?.label).toBe(`Edit the note of item ${other}`);
    expect(undoLast(ws)?.label).toBe(`Edit the note of item ${item}`);
    expect(noteOf(ws.db, item).body).toBe('Check the 100% claim_with_source');
    expect(itemIdsWithNoteLike(ws.db, '100%')).toEqual([item]);
    expect(setNote(ws, item, '   \n ').body).toBeNull();
    expect(noteOf(ws.db, item)).toEqual({ itemId: item, body: null, updatedAt: null });
    expect(() => setNote(ws, 4242, 'x')).toThrow(/no item with id 4242/);
    ws.close();

    const reopened = openWorkspace(dir);
    expect(undoLast(reopened)?.label).toBe(`Delete the note of item ${item}`);
    expect(noteOf(reopened.db, item).body).toBe('Check the 100% claim_with_source');
    reopened.close();
  });
});
