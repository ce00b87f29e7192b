import { reportSpecSchema } from '../../../../shared/api/reports';
import { hasSelection, initialDraft, toSpec, toggleTag } from './draft';

test('nothing chosen: no spec (the builder asks for tags, a search or dates)', () => {
  expect(hasSelection(initialDraft)).toBe(false);
  expect(toSpec(initialDraft)).toBeNull();
  expect(toSpec({ ...initialDraft, query: '   ' })).toBeNull();
});

test('two tags with their children, a date range and grouping become a valid spec', () => {
  const spec = toSpec({
    ...initialDraft,
    title: '  Weekly  ',
    tagIds: [3, 7],
    from: '2024-01-01',
    to: '2024-01-07',
    groupBy: 'tag',
  });
  expect(spec).toMatchObject({
    title: 'Weekly',
    tags: [
      { id: 3, children: true },
      { id: 7, children: true },
    ],
    from: '2024-01-01',
    to: '2024-01-07',
    groupBy: 'tag',
  });
  expect(spec).not.toHaveProperty('query');
  expect(reportSpecSchema.safeParse(spec).success).toBe(true);
});

test('a saved search and a query without tags; an empty title falls back to "Report"', () => {
  const spec = toSpec({
    ...initialDraft,
    title: ' ',
    savedId: 4,
    query: ' lang:ru ',
    withChildren: false,
    show: { ...initialDraft.show, translation: 'side-by-side' },
  });
  expect(spec).toMatchObject({
    title: 'Report',
    saved: 4,
    query: 'lang:ru',
    tags: [],
    show: { translation: 'side-by-side' },
  });
  expect(reportSpecSchema.safeParse(spec).success).toBe(true);
});

test('toggling a tag adds it, toggling again removes it', () => {
  expect(toggleTag([1, 2], 3)).toEqual([1, 2, 3]);
  expect(toggleTag([1, 2, 3], 2)).toEqual([1, 3]);
});
