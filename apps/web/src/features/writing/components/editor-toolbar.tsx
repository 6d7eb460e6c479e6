import type { EditorView } from '@codemirror/view';
import { useRef } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/i18n';
import { runAction } from '../editor-commands';
import type { ToolbarAction } from '../editor-commands';
import { imageFiles } from '../inline-images';
import { ICONS } from './toolbar-icons';

const BUTTONS: { action: ToolbarAction; label: MessageKey; shortcut?: string }[] = [
  { action: 'bold', label: 'write.toolbar.bold', shortcut: 'B' },
  { action: 'italic', label: 'write.toolbar.italic', shortcut: 'I' },
  { action: 'heading', label: 'write.toolbar.heading' },
  { action: 'link', label: 'write.toolbar.link', shortcut: 'K' },
  { action: 'quote', label: 'write.toolbar.quote' },
  { action: 'code', label: 'write.toolbar.code' },
  { action: 'bullet', label: 'write.toolbar.bullet' },
  { action: 'ordered', label: 'write.toolbar.ordered' },
];

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface EditorToolbarProps {
  view: EditorView | null;
  onImages: (files: File[], view: EditorView) => void;
}

export function EditorToolbar({ view, onImages }: EditorToolbarProps) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const mod = isMac() ? '⌘' : 'Ctrl+';

  return (
    <div
      className="editor-toolbar d-flex flex-wrap gap-1 p-1 border-bottom bg-body-tertiary"
      role="toolbar"
      aria-label={t('write.toolbar.label')}
    >
      {BUTTONS.map(({ action, label, shortcut }) => {
        const name = t(label);
        const title = shortcut ? `${name} (${mod}${shortcut})` : name;
        return (
          <button
            key={action}
            type="button"
            className="btn btn-sm btn-light editor-tool"
            aria-label={name}
            aria-keyshortcuts={shortcut ? `${isMac() ? 'Meta' : 'Control'}+${shortcut}` : undefined}
            title={title}
            disabled={!view}
            data-action={action}
            // The text keeps its focus and selection while the button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => view && runAction(view, action, t('write.toolbar.linkText'))}
          >
            {ICONS[action]}
          </button>
        );
      })}
      <button
        type="button"
        className="btn btn-sm btn-light editor-tool"
        aria-label={t('write.toolbar.image')}
        title={t('write.toolbar.image')}
        disabled={!view}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => fileInput.current?.click()}
      >
        {ICONS.image}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        className="d-none"
        multiple
        tabIndex={-1}
        aria-hidden="true"
        data-testid="inline-image-input"
        onChange={(event) => {
          const files = imageFiles(event.target.files);
          event.target.value = '';
          if (view && files.length > 0) onImages(files, view);
        }}
      />
    </div>
  );
}
