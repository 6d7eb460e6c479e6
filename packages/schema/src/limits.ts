/** Column lengths and bounds: the one place both the database tables and the validators read them. */
export const LIMITS = {
  authorName: 64,
  authorEmail: 254,
  authorBio: 2000,
  blogTitle: 200,
  blogContent: 200_000,
  searchText: 100,
  perPageMax: 100,
  perPageDefault: 20,
} as const;
