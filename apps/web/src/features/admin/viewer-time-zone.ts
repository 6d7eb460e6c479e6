/** The viewer's IANA time zone ("Asia/Shanghai"): the stats count days as they see them. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
