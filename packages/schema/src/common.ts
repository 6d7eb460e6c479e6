import { z } from 'zod';
import { LIMITS } from './limits';

/** Ids are positive integers that fit an INT UNSIGNED; written in decimal, nothing else. */
export const IdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'positiveInteger')
  .transform(Number)
  .refine((n) => n <= 4_294_967_295, 'positiveInteger');

export const IdParam = z.object({ id: IdSchema });

/**
 * An id in a filter, which comes in a query string (text) or in a JSON body (a number: the
 * filter of an "all matching" bulk action).
 */
export const FilterId = z.union([
  z
    .number()
    .int('positiveInteger')
    .positive('positiveInteger')
    .max(4_294_967_295, 'positiveInteger'),
  IdSchema,
]);

/** `true` or `false`: text in a query string, a boolean in a JSON body. */
export const FilterBoolean = z.union([
  z.boolean(),
  z.enum(['true', 'false'], 'booleanRequired').transform((value) => value === 'true'),
]);
export type IdParamValue = z.output<typeof IdParam>;

export const IsoDateTime = z.iso.datetime();

const positiveInt = (max?: number) => {
  const base = z.coerce.number<unknown>().int().positive();
  return max ? base.max(max) : base.max(1_000_000);
};

/** Query parameters shared by every list. */
export const PageQuery = z.object({
  page: positiveInt().default(1),
  perPage: positiveInt(LIMITS.perPageMax).default(LIMITS.perPageDefault),
});

export const SearchText = z.string().trim().max(LIMITS.searchText);

export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    perPage: z.number().int(),
    total: z.number().int(),
    pages: z.number().int(),
  });
}

export type PageOf<T> = { items: T[]; page: number; perPage: number; total: number; pages: number };
