import { request, type IncomingHttpHeaders } from 'node:http';
import { waitFor } from './helpers';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** An open `text/event-stream` read as a browser's EventSource would, for the tests to inspect. */
export interface SseStream {
  status: number;
  headers: IncomingHttpHeaders;
  events: SseEvent[];
  /** Comment lines (`: heartbeat`), without the colon. */
  comments: string[];
  ended: boolean;
  /** Waits for the `n`th event (from 1) and gives it. */
  event(n: number): Promise<SseEvent>;
  /** The body of a response that was not a stream (an error envelope). */
  body(): Promise<string>;
  close(): void;
}

/** Opens `url` (a GET) and parses what arrives; resolves once the response head is in. */
export function openStream(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      let buffer = '';
      let raw = '';
      const done = new Promise<void>((r) => res.on('close', r));
      const stream: SseStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        ended: false,
        event: (n) => waitFor(() => stream.events[n - 1], `event #${n} of ${url}`),
        body: async () => {
          await done;
          return raw;
        },
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data += line.slice(6);
              isEvent = true;
            }
          }
          if (isEvent) stream.events.push(event);
        }
      });
      res.on('close', () => {
        stream.ended = true;
      });
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}
