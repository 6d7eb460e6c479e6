import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RouteObject } from 'react-router';
import { Providers } from '../app/providers';
import { stubFetch } from './fake-api';

const clients = new Set<QueryClient>();

function KeepClient() {
  clients.add(useQueryClient());
  return null;
}

/** Renders routes at `url` inside the app's real providers; returns the router to inspect. */
export function renderRoute(routes: RouteObject[], url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <Providers>
      <KeepClient />
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

/**
 * Empties the query clients of the apps rendered so far: their queries' retries and garbage
 * collection timers are cancelled with them instead of firing in a later test.
 */
export function clearQueryClients(): void {
  for (const client of clients) client.clear();
  clients.clear();
}

type Reply = { status: number; body: unknown };

/** Answers the SPA's API calls from `reply`; the mock records every URL asked for. */
export function stubApi(reply: (url: URL) => Reply) {
  return stubFetch(async (input) => {
    const { status, body } = reply(new URL(String(input), 'http://localhost'));
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
}

export function requestedUrls(fetchMock: ReturnType<typeof stubApi>, path: string): URL[] {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === path);
}
