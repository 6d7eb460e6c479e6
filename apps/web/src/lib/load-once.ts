/**
 * `load`, run at the first call and its result kept for the later ones. A failure is not kept:
 * the next call runs `load` again (browsers fetch a module whose fetch failed again).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
