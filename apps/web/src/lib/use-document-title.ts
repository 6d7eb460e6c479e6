import { useEffect } from 'react';
import { useSite } from './api/get-site';

/** The name shown until the site's settings arrive (and if they can't be read). */
export const APP_NAME = 'Folio';

/** The site's name as staff set it in the admin settings. */
export function useSiteName(): string {
  return useSite().data?.siteName || APP_NAME;
}

export function useDocumentTitle(title: string | undefined) {
  const siteName = useSiteName();
  useEffect(() => {
    document.title = title ? `${title} · ${siteName}` : siteName;
  }, [title, siteName]);
}
