import type { Session } from '@folio/schema';
import { UAParser } from 'ua-parser-js';
import type { SessionRecord } from './store';

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || null;

/** A session as its owner sees it: device, browser and system read from the stored user agent. */
export function describeSession(sid: string, session: SessionRecord, currentSid: string): Session {
  const ua = UAParser(session.userAgent ?? '');
  return {
    id: sid,
    // Desktop browsers name no device; the SPA shows its own word for "computer" then.
    device: joined(ua.device.vendor, ua.device.model) ?? ua.device.type ?? null,
    browser: joined(ua.browser.name, ua.browser.major),
    os: joined(ua.os.name, ua.os.version),
    ip: session.ip,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    current: sid === currentSid,
  };
}
