/**
 * What the API pushes to the logged-in person over Server-Sent Events (`GET /api/v1/events`),
 * handed on inside the SPA: the stream's owner emits, any feature listens, and neither imports
 * the other.
 */
export interface LiveNotification {
  id: number;
  type: 'comment' | 'reply' | 'mention';
  blogId: number;
  commentId: number;
  /** What the API's stream adds (LiveNotification in the API document), for the bell and toasts. */
  actor?: { id: number; nickname: string };
  blog?: { id: number; title: string };
  excerpt?: string;
  createdAt?: string;
  /** The person's unread count just after this one was stored. */
  unread?: number;
}

export type LiveEvent = { type: 'notification'; notification: LiveNotification };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();

/** Calls `listener` with every event from now on; returns the way to stop. */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitLiveEvent(event: LiveEvent): void {
  for (const listener of listeners) listener(event);
}
