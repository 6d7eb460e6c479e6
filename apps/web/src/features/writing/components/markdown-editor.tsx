import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdownKeymap, markdownLanguage } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { runAction } from '../editor-commands';
import { imageFiles } from '../inline-images';

interface MarkdownEditorProps {
  /** The markdown; a value other than what was typed (a reload) replaces the text. */
  value: string;
  onChange: (value: string) => void;
  /** Mod-s. */
  onSave: () => void;
  /** Pictures dropped or pasted into the text, where they go already selected. */
  onImages: (files: File[], view: EditorView) => void;
  onView: (view: EditorView | null) => void;
  label: string;
  placeholder: string;
  linkText: string;
  /** Where the cursor was in an editor this one takes over from. */
  initialSelection?: { anchor: number; head: number };
  autoFocus?: boolean;
  invalid?: boolean;
}

/**
 * The markdown text: CodeMirror 6 with markdown highlighting, undo history, list continuation on
 * Enter and the formatting shortcuts (Mod-b, Mod-i, Mod-k, Mod-s).
 */
export function MarkdownEditor({
  value,
  onChange,
  onSave,
  onImages,
  onView,
  label,
  placeholder,
  linkText,
  initialSelection,
  autoFocus = false,
  invalid = false,
}: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef({ onChange, onSave, onImages, linkText });
  const attributes = useRef(new Compartment());
  /**
   * The texts lately reported: a `value` among them is a report coming back (typing goes on while
   * React renders, so the text may be ahead of it), not a reload to show.
   */
  const reported = useRef<string[]>([value]);
  const contentAttributes = {
    'aria-label': label,
    'data-testid': 'markdown-input',
    ...(invalid && { 'aria-invalid': 'true' }),
  };
  const attributesKey = JSON.stringify(contentAttributes);

  useEffect(() => {
    latest.current = { onChange, onSave, onImages, linkText };
  });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // In a shadow root, CodeMirror adds its styles as a constructed stylesheet. In the document it
    // writes a <style> element, which the site's Content Security Policy (style-src 'self')
    // refuses, leaving the editor without its styles.
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const length = value.length;
    const selection = initialSelection
      ? EditorSelection.single(
          Math.min(initialSelection.anchor, length),
          Math.min(initialSelection.head, length),
        )
      : undefined;
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: value,
        selection,
        extensions: [
          history(),
          keymap.of([
            { key: 'Mod-b', run: (v) => runAction(v, 'bold', latest.current.linkText) },
            { key: 'Mod-i', run: (v) => runAction(v, 'italic', latest.current.linkText) },
            { key: 'Mod-k', run: (v) => runAction(v, 'link', latest.current.linkText) },
            {
              key: 'Mod-s',
              preventDefault: true,
              run: () => {
                latest.current.onSave();
                return true;
              },
            },
            // List and quote continuation on Enter, markup removal on Backspace.
            ...markdownKeymap,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          // The language alone, not `markdown()`: that one brings HTML, CSS and JavaScript
          // support for HTML inside markdown, three times the editor's size.
          new LanguageSupport(markdownLanguage),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          EditorView.theme({
            '&': {
              minHeight: '24rem',
              maxHeight: '70vh',
              height: '100%',
              fontSize: '1rem',
              color: 'var(--bs-body-color)',
              backgroundColor: 'var(--bs-body-bg)',
            },
            // The frame around the text shows the focus (writing.scss).
            '&.cm-focused': { outline: 'none' },
            '.cm-scroller': {
              fontFamily: 'var(--bs-font-monospace)',
              lineHeight: '1.6',
              overflow: 'auto',
            },
            '.cm-content': { padding: '0.75rem', caretColor: 'var(--bs-body-color)' },
            '.cm-placeholder': { color: 'var(--bs-secondary-color)' },
          }),
          placeholderText(placeholder),
          attributes.current.of(EditorView.contentAttributes.of(contentAttributes)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            reported.current = [...reported.current.slice(-19), text];
            latest.current.onChange(text);
          }),
          EditorView.domEventHandlers({
            paste(event, v) {
              const files = imageFiles(event.clipboardData?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              latest.current.onImages(files, v);
              return true;
            },
            drop(event, v) {
              const files = imageFiles(event.dataTransfer?.files);
              if (files.length === 0) return false;
              event.preventDefault();
              const at = v.posAtCoords({ x: event.clientX, y: event.clientY });
              if (at !== null) v.dispatch({ selection: { anchor: at } });
              latest.current.onImages(files, v);
              return true;
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    onView(view);
    if (autoFocus) view.focus();
    return () => {
      onView(null);
      viewRef.current = null;
      view.destroy();
    };
    // The view is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: attributes.current.reconfigure(
        EditorView.contentAttributes.of(JSON.parse(attributesKey) as Record<string, string>),
      ),
    });
  }, [attributesKey]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || reported.current.includes(value)) return;
    reported.current = [value];
    const doc = view.state.doc.toString();
    if (doc === value) return;
    view.dispatch({ changes: { from: 0, to: doc.length, insert: value } });
  }, [value]);

  return (
    <div
      ref={host}
      className={`markdown-editor ${invalid ? 'is-invalid' : ''}`}
      data-testid="markdown-editor"
    />
  );
}
