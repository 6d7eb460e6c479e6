import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSession } from './auth-store';
import { onLiveEvent, type LiveEvent } from './live-events';
import { startLiveStream } from './live-stream';
import { authResult, fail, fakeApi, ok } from '../test/fake-api';

/** An EventSource that tests drive: what it was opened with, and events sent to it. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
  send(id: string, data: unknown) {
    this.dispatchEvent(
      new MessageEvent('notification', { data: JSON.stringify(data), lastEventId: id }),
    );
  }
}

const waitForSource = (n: number) =>
  vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(n));
const notification = { id: 5, type: 'reply', blogId: 2, commentId: 9, unread: 1 };

afterEach(() => {
  FakeEventSource.opened = [];
});

describe('the live stream', () => {
  it('opens with a ticket, hands each event on, and reconnects with a new ticket and the last id', async () => {
    setSession(authResult());
    const api = fakeApi({
      'POST /events/ticket': [
        ok({ ticket: 'first', expiresIn: 30 }),
        ok({ ticket: 'second', expiresIn: 30 }),
      ],
    });
    const waits: number[] = [];
    let pending: (() => void) | null = null;
    const events: LiveEvent[] = [];
    const stopListening = onLiveEvent((event) => events.push(event));
    const stop = startLiveStream({
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      schedule: (run, ms) => {
        waits.push(ms);
        pending = run;
        return () => (pending = null);
      },
    });

    await waitForSource(1);
    const first = FakeEventSource.opened[0]!;
    expect(first.url).toBe('/api/v1/events?ticket=first');
    expect(api.calls('POST /events/ticket')[0]!.headers.get('authorization')).toMatch(/^Bearer /);
    first.send('5', notification);
    expect(events).toEqual([{ type: 'notification', notification }]);

    first.onerror!();
    expect(first.closed).toBe(true);
    expect(waits).toEqual([1000]);
    pending!();
    await waitForSource(2);
    const second = FakeEventSource.opened[1]!;
    expect(second.url).toBe('/api/v1/events?ticket=second&lastEventId=5');

    // Failures in a row wait longer each time.
    second.onerror!();
    expect(waits).toEqual([1000, 2000]);
    stop();
    expect(pending).toBeNull();
    stopListening();
  });

  it('retries when no ticket comes, and stops for good once logged out', async () => {
    setSession(authResult());
    fakeApi({ 'POST /events/ticket': fail(503, 'UNAVAILABLE', 'Down') });
    const waits: number[] = [];
    const stop = startLiveStream({
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      schedule: (_run, ms) => {
        waits.push(ms);
        return () => undefined;
      },
    });
    await vi.waitFor(() => expect(waits).toEqual([1000]));
    expect(FakeEventSource.opened).toEqual([]);
    stop();
  });

  it('closes the stream when stopped', async () => {
    setSession(authResult());
    fakeApi({ 'POST /events/ticket': ok({ ticket: 'only', expiresIn: 30 }) });
    const stop = startLiveStream({
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
    });
    await waitForSource(1);
    stop();
    expect(FakeEventSource.opened[0]!.closed).toBe(true);
  });
});
