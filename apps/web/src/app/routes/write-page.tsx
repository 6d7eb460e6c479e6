import { BlogEditor } from '../../features/writing/components/blog-editor';
import { WritingGate } from '../../features/writing/components/writing-gate';
import { NEW_BLOG } from '../../features/writing/use-blog-editor';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** A new blog: its first change with a title saves it as a draft, and the page becomes its edit page. */
export function WritePage() {
  const { t } = useI18n();
  useDocumentTitle(t('write.titleNew'));
  return (
    <WritingGate>
      <BlogEditor start={NEW_BLOG} />
    </WritingGate>
  );
}
