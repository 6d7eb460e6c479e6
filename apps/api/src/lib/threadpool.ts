import { availableParallelism } from 'node:os';
import { threadPoolSizeFor } from './passwords';

// Imported first by the server and the worker: libuv sizes its thread pool from this variable at
// its first use, so it must be set before anything reads a file or hashes a password. An operator's
// own UV_THREADPOOL_SIZE is kept; the password hasher sizes itself to whatever the pool is.
process.env.UV_THREADPOOL_SIZE ??= String(threadPoolSizeFor(availableParallelism()));
