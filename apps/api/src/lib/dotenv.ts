import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads the `.env` at the repository root (the one `pnpm start` makes for its secret), found by
 * walking up to pnpm-workspace.yaml, so src/, its subfolders and the dist/ bundle all find it.
 * Variables already in the environment win. Outside a checkout (a container) there is none.
 */
export function loadDotEnv(from: string = import.meta.url): void {
  for (let dir = dirname(fileURLToPath(from)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) {
      const path = join(dir, '.env');
      if (existsSync(path)) process.loadEnvFile(path);
      return;
    }
  }
}
