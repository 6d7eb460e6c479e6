import type { EventTicket } from '@folio/schema';
import { apiRequest, ApiError, buildUrl } from './api-client';
import { emitLiveEvent, type LiveNotification } from './live-events';

/** The first wait before reconnecting after an error; each failure in a row doubles it. */
const FIRST_RETRY_MS = 1_000;
const MOST_RETRY_MS = 30_000;

export interface LiveStreamOptions {
  /** The browser's by default; tests give their own. */
  EventSourceImpl?: typeof EventSource;
  /** How a wait is scheduled (tests run it at once). */
  schedule?: (run: () => void, ms: number) => () => void;
}

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * Keeps the logged-in person's event stream open (`GET /events`) and hands each event on through
 * `emitLiveEvent`. An EventSource would reconnect to the same URL by itself, but the ticket in it
 * works once: after any error the stream is closed and opened again with a fresh ticket and the
 * last event id seen, after a wait that grows with each failure in a row. Returns the way to stop
 * (on logout).
 */
export function startLiveStream(options: LiveStreamOptions = {}): () => void {
  const Source = options.EventSourceImpl ?? globalThis.EventSource;
  // A browser without EventSource still has the bell's count from the API, just not live.
  if (!Source) return () => undefined;
  const schedule = options.schedule ?? defaultSchedule;
  let stopped = false;
  let source: EventSource | null = null;
  let cancelWait: (() => void) | null = null;
  let lastEventId: string | null = null;
  let failures = 0;

  function retry() {
    source?.close();
    source = null;
    if (stopped) return;
    const wait = Math.min(FIRST_RETRY_MS * 2 ** failures, MOST_RETRY_MS);
    failures += 1;
    cancelWait = schedule(() => void open(), wait);
  }

  async function open() {
    cancelWait = null;
    let ticket: EventTicket;
    try {
      ticket = await apiRequest<EventTicket>('/events/ticket', { method: 'POST' });
    } catch (error) {
      // Logged out meanwhile: the login state ends this stream, nothing to retry.
      if (error instanceof ApiError && error.status === 401) return;
      retry();
      return;
    }
    if (stopped) return;
    const next = new Source(
      buildUrl('/events', { ticket: ticket.ticket, lastEventId: lastEventId ?? undefined }),
    );
    source = next;
    next.onopen = () => {
      failures = 0;
    };
    next.addEventListener('notification', (event) => {
      const message = event as MessageEvent<string>;
      if (message.lastEventId) lastEventId = message.lastEventId;
      try {
        emitLiveEvent({
          type: 'notification',
          notification: JSON.parse(message.data) as LiveNotification,
        });
      } catch {
        // Not JSON: nothing a listener could use.
      }
    });
    next.onerror = () => {
      if (source === next) retry();
    };
  }

  void open();
  return () => {
    stopped = true;
    cancelWait?.();
    source?.close();
    source = null;
  };
}
