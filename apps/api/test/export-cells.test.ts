import { describe, expect, it } from 'vitest';
import { CSV, linesOf, textLine, TSV, type Cell } from '../src/modules/exports/cells';

const ROWS: Cell[][] = [
  [1, 'plain', true, null, '2026-12-04T01:32:04.123Z'],
  [2, '了不起的盖茨比', false, 0, 'a "quoted", comma'],
  [3, '=SUM(A1)', null, 42, 'tab\there\nand a line'],
  [4, 'emoji 😀 and back\\slash', true, -7, ''],
  [5, '长'.repeat(40), false, 1, 'x'.repeat(50)],
];

describe('export lines', () => {
  for (const [name, format] of [
    ['CSV', CSV],
    ['TSV', TSV],
  ] as const) {
    it(`${name}: chunks hold exactly the lines, however small the chunk`, () => {
      const expected = ROWS.map((row) => textLine(format, row)).join('');
      for (const chunkBytes of [1, 16, 64, 1024]) {
        const chunks = linesOf(format, ROWS, chunkBytes);
        expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
        // A chunk is cut between lines: each one decodes whole, and only a line longer than the
        // chunk makes one bigger than asked.
        const longest = Math.max(...ROWS.map((row) => Buffer.byteLength(textLine(format, row))));
        for (const chunk of chunks) {
          expect(chunk.toString('utf8')).not.toContain('\ufffd');
          expect(chunk.length).toBeLessThanOrEqual(Math.max(chunkBytes, longest));
        }
      }
    });
  }

  it('writes no chunk for no rows', () => {
    expect(linesOf(CSV, [], 64)).toEqual([]);
  });
});
