import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';

type SearchValue = string | number | undefined;

/**
 * Reads a list's parameters from the URL with the API's own query schema. A value the schema
 * rejects (a hand-edited `page=abc`) falls back to its default instead of failing the page.
 */
export function parseSearch<S extends z.ZodObject>(
  schema: S,
  search: URLSearchParams,
): z.output<S> {
  const accepted: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = search.get(key);
    if (value === null || value === '') continue;
    if (z.safeParse(field, value).success) accepted[key] = value;
  }
  return schema.parse(accepted);
}

/**
 * A list's page, size and filters, kept in the URL so links and the back button work.
 * Changing anything but `page` starts again from page 1; defaults are left out of the URL.
 */
export function useListSearch<S extends z.ZodObject>(schema: S) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseSearch(schema, searchParams), [schema, searchParams]);

  const update = useCallback(
    (patch: Partial<Record<keyof z.output<S> & string, SearchValue>>) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in patch)) next.delete('page');
        const defaults: Record<string, unknown> = schema.parse({});
        for (const [key, value] of Object.entries(defaults)) {
          if (next.get(key) === String(value)) next.delete(key);
        }
        return next;
      });
    },
    [schema, setSearchParams],
  );

  return [params, update] as const;
}

/** `search` (a location's `?…`) pointing at another page of the same list; page 1 stays implicit. */
export function searchWithPage(search: string, page: number): string {
  const next = new URLSearchParams(search);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  const text = next.toString();
  return text ? `?${text}` : '';
}
