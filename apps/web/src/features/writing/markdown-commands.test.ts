import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  insertBlock,
  insertLink,
  toggleCode,
  toggleLinePrefix,
  toggleWrap,
} from './markdown-commands';
import type { LinePrefix } from './markdown-commands';
import type { TransactionSpec } from '@codemirror/state';

/** A state from a doc where `[` and `]` mark the selection (or `|` the cursor). */
function stateOf(marked: string): EditorState {
  const cursor = marked.indexOf('|');
  if (cursor >= 0) {
    return EditorState.create({
      doc: marked.replace('|', ''),
      selection: EditorSelection.cursor(cursor),
    });
  }
  const from = marked.indexOf('[');
  const to = marked.indexOf(']') - 1;
  return EditorState.create({
    doc: marked.replace('[', '').replace(']', ''),
    selection: EditorSelection.range(from, to),
  });
}

/** The doc after the edit, with the selection marked again. */
function apply(state: EditorState, spec: TransactionSpec): string {
  const next = state.update(spec).state;
  const { from, to } = next.selection.main;
  const doc = next.doc.toString();
  if (from === to) return `${doc.slice(0, from)}|${doc.slice(from)}`;
  return `${doc.slice(0, from)}[${doc.slice(from, to)}]${doc.slice(to)}`;
}

describe('toggleWrap', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(apply(stateOf('say [hello] now'), toggleWrap(stateOf('say [hello] now'), '**'))).toBe(
      'say **[hello]** now',
    );
  });

  it('unwraps a selection inside the markers, and one that includes them', () => {
    const inside = stateOf('say **[hello]** now');
    expect(apply(inside, toggleWrap(inside, '**'))).toBe('say [hello] now');
    const around = stateOf('say [**hello**] now');
    expect(apply(around, toggleWrap(around, '**'))).toBe('say [hello] now');
  });

  it('puts the cursor between new markers when nothing is selected', () => {
    const state = stateOf('a | b');
    expect(apply(state, toggleWrap(state, '*'))).toBe('a *|* b');
  });

  it('does not take half of a bold marker for italics', () => {
    const state = stateOf('**[bold]**');
    expect(apply(state, toggleWrap(state, '*'))).toBe('***[bold]***');
  });

  it('acts on every selection range', () => {
    const state = EditorState.create({
      doc: 'one two',
      selection: EditorSelection.create([EditorSelection.range(0, 3), EditorSelection.range(4, 7)]),
      extensions: EditorState.allowMultipleSelections.of(true),
    });
    expect(state.update(toggleWrap(state, '`')).state.doc.toString()).toBe('`one` `two`');
  });
});

describe('toggleLinePrefix', () => {
  const cases: [LinePrefix, string, string][] = [
    ['heading', 'Ti|tle', '## Ti|tle'],
    ['quote', 'a |quote', '> a |quote'],
    ['bullet', 'it|em', '- it|em'],
  ];
  it.each(cases)('adds the %s prefix to the cursor line', (kind, before, after) => {
    const state = stateOf(before);
    expect(apply(state, toggleLinePrefix(state, kind))).toBe(after);
  });

  it('numbers every selected line of an ordered list, skipping blank lines', () => {
    const state = stateOf('[one\ntwo\n\nthree]');
    expect(state.update(toggleLinePrefix(state, 'ordered')).state.doc.toString()).toBe(
      '1. one\n2. two\n\n3. three',
    );
  });

  it('removes the prefix when every line has it', () => {
    const state = stateOf('[- one\n- two]');
    expect(state.update(toggleLinePrefix(state, 'bullet')).state.doc.toString()).toBe('one\ntwo');
  });

  it('turns a list of the other kind into this one, and a heading of another level', () => {
    const list = stateOf('[1. one\n2. two]');
    expect(list.update(toggleLinePrefix(list, 'bullet')).state.doc.toString()).toBe('- one\n- two');
    const heading = stateOf('#### Ti|tle');
    expect(heading.update(toggleLinePrefix(heading, 'heading')).state.doc.toString()).toBe(
      '## Title',
    );
  });
});

describe('insertLink', () => {
  it('makes the selection the text and selects the address to type', () => {
    const state = stateOf('see [the docs] here');
    expect(apply(state, insertLink(state, 'link text'))).toBe('see [the docs]([https://]) here');
  });

  it('selects a placeholder text when nothing is selected', () => {
    const state = stateOf('see | here');
    expect(apply(state, insertLink(state, 'link text'))).toBe('see [[link text]](https://) here');
  });

  it('takes a selected address as the address, with the cursor in the text', () => {
    const state = stateOf('[https://example.com/a]');
    expect(apply(state, insertLink(state, 'link text'))).toBe('[|](https://example.com/a)');
  });
});

describe('toggleCode', () => {
  it('is inline code within a line', () => {
    const state = stateOf('run [pnpm build] now');
    expect(apply(state, toggleCode(state))).toBe('run `[pnpm build]` now');
  });

  it('fences a selection over several lines, and unfences it again', () => {
    const state = stateOf('[a = 1\nb = 2]');
    const fenced = state.update(toggleCode(state)).state;
    expect(fenced.doc.toString()).toBe('```\na = 1\nb = 2\n```');
    const all = fenced.update({ selection: EditorSelection.range(0, fenced.doc.length) }).state;
    expect(all.update(toggleCode(all)).state.doc.toString()).toBe('a = 1\nb = 2');
  });
});

describe('insertBlock', () => {
  it('puts the text on its own line in the middle of one', () => {
    const state = stateOf('before| after');
    expect(apply(state, insertBlock(state, '![x](u)'))).toBe('before\n![x](u)|\n after');
  });

  it('adds no blank line at the start of an empty line', () => {
    const state = stateOf('one\n|');
    expect(apply(state, insertBlock(state, '![x](u)'))).toBe('one\n![x](u)|');
  });
});
