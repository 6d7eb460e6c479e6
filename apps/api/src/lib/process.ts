import { ConfigError } from '../config';
import { DependencyDownError } from './startup-checks';

type Log = { error: (obj: object, msg: string) => void };

/**
 * Runs the `main` of a process of Folio's (the worker, the events process): a bad setting or a
 * dependency that is down is said in one line, anything else with its stack; both exit 1.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError || err instanceof DependencyDownError) {
      console.error(`folio ${name}: ${err.message}`);
    } else {
      console.error(`folio ${name}: could not start:`, err);
    }
    process.exit(1);
  });
}

/** Exits once `closing` is done: 0, or 1 when it failed (logged). */
export function exitWhenClosed(closing: Promise<unknown>, log: Log): void {
  closing.then(
    () => process.exit(0),
    (err: unknown) => {
      log.error({ err }, 'error while closing');
      process.exit(1);
    },
  );
}
