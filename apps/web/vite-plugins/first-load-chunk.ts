/** What a chunking callback may ask about a module (Rolldown's `getModuleInfo`). */
interface ModuleGraph {
  getModuleInfo(id: string): {
    isEntry: boolean;
    importers: readonly string[];
  } | null;
}

const ZOD = /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?zod[\\/]/;
const SCHEMA_PACKAGE = /[\\/]packages[\\/]schema[\\/]/;

/**
 * Puts every module the entry imports statically into one chunk. Left to itself, Rolldown splits
 * what the entry shares with lazily loaded pages into a dozen small chunks, each one more request
 * on the first load and worse compression than the one chunk they make together.
 *
 * Grouping happens before tree-shaking, so a module is captured for being imported, not for
 * being used. `@folio/schema` and zod stay out: the first load reaches every schema module
 * through the package's index but uses only a few zod-free ones, while the pages' forms use the
 * rest, which here would come along. Rolldown's own chunking places them by what is used.
 */
export function firstLoadChunk(name = 'index') {
  const reached = new Map<string, boolean>();
  function inFirstLoad(id: string, graph: ModuleGraph, path = new Set<string>()): boolean {
    const known = reached.get(id);
    if (known !== undefined) return known;
    const info = graph.getModuleInfo(id);
    if (!info || ZOD.test(id) || SCHEMA_PACKAGE.test(id)) {
      reached.set(id, false);
      return false;
    }
    if (info.isEntry) {
      reached.set(id, true);
      return true;
    }
    path.add(id);
    const result = info.importers.some(
      (importer) => !path.has(importer) && inFirstLoad(importer, graph, path),
    );
    path.delete(id);
    reached.set(id, result);
    return result;
  }
  return {
    name: (id: string, graph: ModuleGraph) => (inFirstLoad(id, graph) ? name : null),
  };
}
