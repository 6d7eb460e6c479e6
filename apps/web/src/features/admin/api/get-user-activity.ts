import type { AuditEntry, AuditPage } from '@folio/schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { adminKey } from './admin-key';

/** Entries a user's page shows: the latest done to them and the latest they did. */
export const USER_ACTIVITY_SIZE = 10;

function fetchEntries(query: Record<string, string | number>, signal?: AbortSignal) {
  return apiRequest<AuditPage>('/admin/audit', {
    query: { ...query, perPage: USER_ACTIVITY_SIZE },
    signal,
  });
}

/** The audit log's latest entries about a user or by them, newest first, each once. */
export async function fetchUserActivity(id: number, signal?: AbortSignal): Promise<AuditEntry[]> {
  const [about, by] = await Promise.all([
    fetchEntries({ targetType: 'user', targetId: String(id) }, signal),
    fetchEntries({ actorId: id }, signal),
  ]);
  const entries = new Map<number, AuditEntry>();
  for (const entry of [...about.items, ...by.items]) entries.set(entry.id, entry);
  return [...entries.values()]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
    .slice(0, USER_ACTIVITY_SIZE);
}

export function userActivityQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...adminKey(), 'audit', 'user', id],
    queryFn: ({ signal }) => fetchUserActivity(id, signal),
    meta: { showsForbidden: true },
  });
}

export function useUserActivity(id: number) {
  return useQuery(userActivityQueryOptions(id));
}
