import { addCatalogPart, getLocale, loadCatalog } from '../../lib/i18n';

// Here, with the admin section's code, rather than in i18n.ts: the first load, which every
// visitor fetches, carries no loader of texts only staff read.
addCatalogPart('admin', {
  en: async () => (await import('../../lib/messages/en-admin')).enAdmin,
  'zh-CN': async () => (await import('../../lib/messages/zh-cn-admin')).zhCNAdmin,
});

/** The admin section's texts in the current language; a language switch loads them in its own. */
export function loadAdminTexts(): Promise<void> {
  return loadCatalog(getLocale(), 'admin');
}
