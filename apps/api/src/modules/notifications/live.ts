import type { Redis } from 'ioredis';

/** One open event stream: whose it is, and where its bytes go. */
export interface LiveStream {
  userId: number;
  sid: string;
  /** Bytes the socket has not taken yet; a stream that lets them pile up is dropped. */
  readonly backlog: number;
  /** `id` is the event's, for a stream still replaying what it missed; heartbeats have none. */
  write(chunk: string, id?: number): void;
  end(): void;
}

/** An event as the stream writes it: `id:`, `event:` and one line of JSON `data:`. */
export interface LiveMessage {
  userId: number;
  event: string;
  id: number;
  data: unknown;
}

export interface LiveHubDeps {
  /** For publishing; the hub makes its own subscriber connection from it. */
  redis: Redis;
  /** Pub/sub ignores Redis' database numbers: the channel is named per database instead. */
  channel: string;
  heartbeatMs: number;
  /** Which of these sessions are still live; streams of the others are ended. */
  aliveSessions: (sids: string[]) => Promise<Set<string>>;
  log: { warn: (obj: object, msg: string) => void };
}

/** A stream whose client takes nothing is dropped past this much unsent data. */
const MAX_BACKLOG_BYTES = 256 * 1024;
const HEARTBEAT = ': heartbeat\n\n';

export function formatEvent(message: Pick<LiveMessage, 'event' | 'id' | 'data'>): string {
  return `id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

/**
 * The event streams of this process, and the one Redis subscription that feeds them: a message
 * published by any API process reaches the streams of its person here. One timer for all
 * streams sends the heartbeats and ends the streams whose session has ended.
 */
export function createLiveHub(deps: LiveHubDeps) {
  const { redis, channel, log } = deps;
  const byUser = new Map<number, Set<LiveStream>>();
  let subscriber: Redis | null = null;
  let subscribed: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  function deliver(raw: string) {
    let message: LiveMessage;
    try {
      message = JSON.parse(raw) as LiveMessage;
    } catch {
      return;
    }
    const streams = byUser.get(message.userId);
    if (!streams) return;
    const chunk = formatEvent(message);
    for (const stream of streams) send(stream, chunk, message.id);
  }

  function send(stream: LiveStream, chunk: string, id?: number) {
    if (stream.backlog > MAX_BACKLOG_BYTES) {
      remove(stream);
      stream.end();
      return;
    }
    stream.write(chunk, id);
  }

  function remove(stream: LiveStream) {
    const streams = byUser.get(stream.userId);
    if (!streams) return;
    streams.delete(stream);
    if (streams.size === 0) byUser.delete(stream.userId);
    if (byUser.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  }

  async function tick() {
    const all = [...byUser.values()].flatMap((set) => [...set]);
    for (const stream of all) send(stream, HEARTBEAT);
    let alive: Set<string>;
    try {
      alive = await deps.aliveSessions([...new Set(all.map((s) => s.sid))]);
    } catch (err) {
      // Redis down: the sessions can't be checked now; the next beat tries again.
      log.warn({ err }, 'could not check the sessions of event streams');
      return;
    }
    for (const stream of all) {
      if (!alive.has(stream.sid)) {
        remove(stream);
        stream.end();
      }
    }
  }

  /** Subscribes once per process, on the first stream; a failure lets the next one try again. */
  function subscribe(): Promise<void> {
    if (!subscribed) {
      const connection = redis.duplicate();
      subscriber = connection;
      connection.on('message', (_channel: string, raw: string) => deliver(raw));
      connection.on('error', (err) => log.warn({ err }, 'event subscriber error'));
      // Like the main connection it is lazy and has no offline queue; ioredis subscribes again
      // by itself after a reconnect.
      subscribed = connection
        .connect()
        .then(() => connection.subscribe(channel))
        .then(
          () => undefined,
          (err: unknown) => {
            subscribed = null;
            subscriber?.removeAllListeners();
            subscriber?.disconnect();
            subscriber = null;
            throw err;
          },
        );
    }
    return subscribed;
  }

  return {
    /** Listens for the stream's person; resolves once messages published from now on reach it. */
    async add(stream: LiveStream): Promise<void> {
      if (closed) throw new Error('the live hub is closed');
      await subscribe();
      let streams = byUser.get(stream.userId);
      if (!streams) byUser.set(stream.userId, (streams = new Set()));
      streams.add(stream);
      timer ??= setInterval(() => void tick(), deps.heartbeatMs);
    },

    remove,

    /** Sends a message to its person's streams in every API process. */
    async publish(message: LiveMessage): Promise<void> {
      await redis.publish(channel, JSON.stringify(message));
    },

    /** Open streams in this process (the bench and tests read it). */
    get size() {
      let n = 0;
      for (const set of byUser.values()) n += set.size;
      return n;
    },

    /** Ends every stream and the subscription: the app is closing. */
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      for (const streams of byUser.values()) for (const stream of streams) stream.end();
      byUser.clear();
      subscriber?.disconnect();
      subscriber = null;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
