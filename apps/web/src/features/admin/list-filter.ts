/**
 * A list's filter as the URL keeps it: each of `fields` set from `filter`, or taken out of the
 * URL when the filter leaves it out. Yes/no filters go as `true`/`false`.
 */
export function filterSearch<F extends object>(
  fields: readonly (keyof F & string)[],
  filter: F,
): Partial<Record<keyof F & string, string | number | undefined>> {
  const search: Partial<Record<keyof F & string, string | number | undefined>> = {};
  for (const field of fields) {
    const value: unknown = filter[field];
    search[field] =
      typeof value === 'number' || typeof value === 'string'
        ? value
        : typeof value === 'boolean'
          ? String(value)
          : undefined;
  }
  return search;
}

/** The filter fields of a list's parameters: what its bulk actions take as `all`. */
export function pickFilter<P extends object, K extends keyof P>(
  params: P,
  fields: readonly K[],
): Pick<P, K> {
  const filter = {} as Pick<P, K>;
  for (const field of fields) {
    if (params[field] !== undefined) filter[field] = params[field];
  }
  return filter;
}
