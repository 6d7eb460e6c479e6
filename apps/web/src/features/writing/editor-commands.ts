import type { TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { insertLink, toggleCode, toggleLinePrefix, toggleWrap } from './markdown-commands';
import type { LinePrefix } from './markdown-commands';

export type ToolbarAction = 'bold' | 'italic' | 'link' | 'code' | LinePrefix;

/** Runs an edit on the view as one undoable step, and gives the text its focus back. */
function run(view: EditorView, spec: TransactionSpec, event: string): boolean {
  view.dispatch(view.state.update(spec, { scrollIntoView: true, userEvent: event }));
  view.focus();
  return true;
}

/** The toolbar's actions; `linkText` is the placeholder a new link's text starts as. */
export function runAction(view: EditorView, action: ToolbarAction, linkText: string): boolean {
  const { state } = view;
  switch (action) {
    case 'bold':
      return run(view, toggleWrap(state, '**'), 'input.format');
    case 'italic':
      return run(view, toggleWrap(state, '*'), 'input.format');
    case 'code':
      return run(view, toggleCode(state), 'input.format');
    case 'link':
      return run(view, insertLink(state, linkText), 'input.format');
    default:
      return run(view, toggleLinePrefix(state, action), 'input.format');
  }
}
