// CSV cells: whatever the text, a spreadsheet reads back exactly the cell (a formula-like start
// neutralised by one leading quote, per OWASP), and no cell it reads starts a formula.
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvField, csvRow, neutraliseCell } from './csv';

const DANGEROUS = /^[=+\-@\t\r]/;

/** Strings rich in what breaks CSV and spreadsheets: formula starts, quotes, separators, line breaks, Cyrillic. */
const cell = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", 'a', 'Ж', ' ', '1'),
  }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map(([a, b]) => a + b),
);

test('every row parses back to its cells, neutralised, and no parsed cell starts a formula', () => {
  fc.assert(
    fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
      const text = csvRow(cells) + csvRow(['end']);
      const parsed = Papa.parse<string[]>(text, { newline: '\r\n', delimiter: ',' }).data;
      expect(parsed[0]).toEqual(cells.map((c) => (DANGEROUS.test(c) ? `'${c}` : c)));
      expect(parsed[1]).toEqual(['end']);
      for (const value of parsed[0]!) expect(value).not.toMatch(DANGEROUS);
    }),
    { numRuns: 500 },
  );
});

test.each([
  ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
  ['+7 495 000-00-00', "'+7 495 000-00-00"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tcmd', "'\tcmd"],
  ['\rcmd', `"'\rcmd"`],
  ['plain, with comma', '"plain, with comma"'],
  ['Жёны мобилизованных', 'Жёны мобилизованных'],
])('%j is written as %j', (value, expected) => {
  expect(csvField(value)).toBe(expected);
});

test('a cell that only contains a formula character later is left as it is', () => {
  expect(neutraliseCell('1+1=2')).toBe('1+1=2');
});
