import { EditorSelection } from '@codemirror/state';
import type { EditorState, TransactionSpec } from '@codemirror/state';

/**
 * The toolbar's and shortcuts' edits, as transactions on the editor's state: each acts on every
 * selection range, and wraps or unwraps the same way when used twice.
 */

/** Wraps each selection in `marker` (`**`, `*`, `` ` ``), or unwraps it when it is wrapped already. */
export function toggleWrap(state: EditorState, marker: string): TransactionSpec {
  const size = marker.length;
  return state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const before = state.sliceDoc(range.from - size, range.from);
    const after = state.sliceDoc(range.to, range.to + size);
    // `**bold**` selected with its markers, or the markers just outside the selection.
    if (text.length >= size * 2 && text.startsWith(marker) && text.endsWith(marker)) {
      return {
        changes: [
          { from: range.from, to: range.from + size },
          { from: range.to - size, to: range.to },
        ],
        range: EditorSelection.range(range.from, range.to - size * 2),
      };
    }
    if (before === marker && after === marker && !isLongerMarker(state, range, marker)) {
      return {
        changes: [
          { from: range.from - size, to: range.from },
          { from: range.to, to: range.to + size },
        ],
        range: EditorSelection.range(range.from - size, range.to - size),
      };
    }
    return {
      changes: [
        { from: range.from, insert: marker },
        { from: range.to, insert: marker },
      ],
      range: EditorSelection.range(range.from + size, range.to + size),
    };
  });
}

/** `*` right inside `**...**` is half of the bold marker, not an italic one. */
function isLongerMarker(
  state: EditorState,
  range: { from: number; to: number },
  marker: string,
): boolean {
  const size = marker.length;
  const first = marker[0]!;
  return (
    state.sliceDoc(range.from - size - 1, range.from - size) === first &&
    state.sliceDoc(range.to + size, range.to + size + 1) === first
  );
}

export type LinePrefix = 'heading' | 'quote' | 'bullet' | 'ordered';

const PREFIX_PATTERN: Record<LinePrefix, RegExp> = {
  heading: /^#{1,6} /,
  quote: /^> ?/,
  bullet: /^[-*+] /,
  ordered: /^\d+[.)] /,
};

function prefixFor(kind: LinePrefix, index: number): string {
  if (kind === 'heading') return '## ';
  if (kind === 'quote') return '> ';
  if (kind === 'bullet') return '- ';
  return `${index + 1}. `;
}

/**
 * Makes the lines the selection touches headings, quotes or list items, or plain lines again
 * when all of them already are. A heading replaces another level; a list replaces the other kind.
 */
export function toggleLinePrefix(state: EditorState, kind: LinePrefix): TransactionSpec {
  const lines = new Map<number, { from: number; text: string }>();
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    const last = state.doc.lineAt(range.to).number;
    for (let n = first; n <= last; n++) {
      const line = state.doc.line(n);
      lines.set(n, { from: line.from, text: line.text });
    }
  }
  const touched = [...lines.values()];
  // A heading of another level becomes this level's rather than plain text.
  const pattern = kind === 'heading' ? /^## / : PREFIX_PATTERN[kind];
  const nonEmpty = touched.filter((line) => line.text.trim() !== '');
  const remove = nonEmpty.length > 0 && nonEmpty.every((line) => pattern.test(line.text));
  const replaceable =
    kind === 'bullet' || kind === 'ordered'
      ? [PREFIX_PATTERN.bullet, PREFIX_PATTERN.ordered]
      : [PREFIX_PATTERN[kind]];
  const changes = [];
  let index = 0;
  for (const line of touched) {
    if (remove) {
      const found = pattern.exec(line.text);
      if (found) changes.push({ from: line.from, to: line.from + found[0].length });
      continue;
    }
    if (touched.length > 1 && line.text.trim() === '') continue;
    const existing = replaceable.map((re) => re.exec(line.text)).find(Boolean);
    changes.push({
      from: line.from,
      to: line.from + (existing?.[0].length ?? 0),
      insert: prefixFor(kind, index),
    });
    index++;
  }
  return { changes, scrollIntoView: true };
}

export const LINK_URL_PLACEHOLDER = 'https://';

/**
 * Makes the selection a link's text and selects the address to type; a selected address becomes
 * the link's address, with the cursor in its text. Nothing selected: both, the text selected.
 */
export function insertLink(state: EditorState, placeholderText: string): TransactionSpec {
  return state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    if (/^https?:\/\/\S+$/.test(text)) {
      const insert = `[](${text})`;
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.cursor(range.from + 1),
      };
    }
    const label = text || placeholderText;
    const insert = `[${label}](${LINK_URL_PLACEHOLDER})`;
    if (!text) {
      return {
        changes: { from: range.from, insert },
        range: EditorSelection.range(range.from + 1, range.from + 1 + label.length),
      };
    }
    const urlFrom = range.from + label.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: EditorSelection.range(urlFrom, urlFrom + LINK_URL_PLACEHOLDER.length),
    };
  });
}

/** Inline code within a line; a selection over several lines becomes a fenced block. */
export function toggleCode(state: EditorState): TransactionSpec {
  const multiline = state.selection.ranges.some(
    (range) => state.doc.lineAt(range.from).number !== state.doc.lineAt(range.to).number,
  );
  if (!multiline) return toggleWrap(state, '`');
  return state.changeByRange((range) => {
    const start = state.doc.lineAt(range.from);
    const end = state.doc.lineAt(range.to);
    const body = state.sliceDoc(start.from, end.to);
    const fenced = /^```[^\n]*\n[\s\S]*\n```$/.test(body);
    if (fenced) {
      const inner = body.replace(/^```[^\n]*\n/, '').replace(/\n```$/, '');
      return {
        changes: { from: start.from, to: end.to, insert: inner },
        range: EditorSelection.range(start.from, start.from + inner.length),
      };
    }
    const insert = `\`\`\`\n${body}\n\`\`\``;
    return {
      changes: { from: start.from, to: end.to, insert },
      range: EditorSelection.range(start.from + 4, start.from + 4 + body.length),
    };
  });
}

/** Text put where the cursor is, on a line of its own (an image, say), the cursor after it. */
export function insertBlock(state: EditorState, text: string): TransactionSpec {
  const { from, to } = state.selection.main;
  const line = state.doc.lineAt(from);
  const before = from > line.from ? '\n' : '';
  const afterLine = state.doc.lineAt(to);
  const after = to < afterLine.to ? '\n' : '';
  const insert = `${before}${text}${after}`;
  return {
    changes: { from, to, insert },
    selection: EditorSelection.cursor(from + before.length + text.length),
    scrollIntoView: true,
  };
}
