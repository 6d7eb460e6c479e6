import type { EditorView } from '@codemirror/view';
import { useCallback, useRef, useState } from 'react';
import { useToast } from '../../components/toast-context';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { uploadImage } from './api/upload-image';
import { imageMarkdown, inlineImageUrl, uploadPlaceholder } from './inline-images';
import { insertBlock } from './markdown-commands';

interface InlineUpload {
  key: string;
  name: string;
  fraction: number;
}

let counter = 0;

/**
 * Pictures dropped, pasted or chosen into the text: each stands as a placeholder where the cursor
 * was while it uploads, then becomes `![name](url)` (the 800 px size), or goes with a toast
 * saying why the API refused it.
 */
export function useInlineUploads() {
  const { t } = useI18n();
  const toast = useToast();
  const [uploads, setUploads] = useState<InlineUpload[]>([]);
  const viewRef = useRef<EditorView | null>(null);

  const setView = useCallback((view: EditorView | null) => {
    viewRef.current = view;
  }, []);

  const replace = useCallback((placeholder: string, text: string) => {
    const view = viewRef.current;
    if (!view) return;
    const doc = view.state.doc.toString();
    const at = doc.indexOf(placeholder);
    // The writer deleted the placeholder: the picture is not wanted there any more.
    if (at < 0) return;
    let from = at;
    let to = at + placeholder.length;
    if (!text) {
      if (doc[to] === '\n') to++;
      else if (doc[from - 1] === '\n') from--;
    }
    view.dispatch({ changes: { from, to, insert: text }, userEvent: 'input.upload' });
  }, []);

  const start = useCallback(
    (files: File[], view: EditorView) => {
      for (const file of files) {
        counter += 1;
        const key = `${Date.now().toString(36)}-${counter}`;
        const placeholder = uploadPlaceholder(key, file.name, t('write.upload.placeholder'));
        view.dispatch(
          view.state.update(insertBlock(view.state, placeholder), { userEvent: 'input.paste' }),
        );
        setUploads((list) => [...list, { key, name: file.name, fraction: 0 }]);
        uploadImage(file, {
          onProgress: (fraction) =>
            setUploads((list) =>
              list.map((item) => (item.key === key ? { ...item, fraction } : item)),
            ),
        })
          .then(
            (upload) => replace(placeholder, imageMarkdown(file.name, inlineImageUrl(upload))),
            (error: unknown) => {
              replace(placeholder, '');
              const reason = error instanceof ApiError ? error.message : t('error.unexpected');
              toast.show({
                kind: 'danger',
                text: t('write.upload.failed', { name: file.name, reason }),
              });
            },
          )
          .finally(() => setUploads((list) => list.filter((item) => item.key !== key)));
      }
    },
    [replace, t, toast],
  );

  return { uploads, start, setView, busy: uploads.length > 0 };
}
