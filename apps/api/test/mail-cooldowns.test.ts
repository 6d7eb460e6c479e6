import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, makeUser, outbox, sessionFor, waitForMessages } from './helpers';
import { comparable, expectFailure, solvedCaptcha, uniqueEmail, uniqueIp } from './auth-helpers';

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** Lets the in-process worker deliver anything queued, so a count of mails is final. */
const settle = () => new Promise((r) => setTimeout(r, 400));

async function registerEmail(email: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/register/email',
    // A new address each time: the per-IP limit is not what stops these.
    remoteAddress: uniqueIp(),
    payload: {
      email,
      nickname: 'Mailer',
      password: 'a fine long password',
      ...(await solvedCaptcha(app)),
    },
  });
}

describe('registering by email, against mail bombing', () => {
  it('mails a taken address one notice a minute, however many try', async () => {
    const owner = await makeUser(app);
    expect((await registerEmail(owner.email!)).statusCode).toBe(202);
    const again = await registerEmail(owner.email!);
    expectFailure(again, 429, 'RATE_LIMITED');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    await waitForMessages(app, owner.email!);
    await settle();
    expect(await outbox(app, owner.email!)).toHaveLength(1);
  });

  it('answers a new address and a taken one alike, the second time too', async () => {
    const owner = await makeUser(app);
    const fresh = uniqueEmail('cooldown');
    const first = [await registerEmail(owner.email!), await registerEmail(fresh)];
    expect(comparable(first[0]!, owner.email!)).toEqual(comparable(first[1]!, fresh));
    const second = [await registerEmail(owner.email!), await registerEmail(fresh)];
    expect(comparable(second[0]!, owner.email!)).toEqual(comparable(second[1]!, fresh));
    expect(second[0]!.statusCode).toBe(429);
    await waitForMessages(app, fresh);
    await settle();
    expect(await outbox(app, fresh)).toHaveLength(1);
  });

  it('does the same work for a new address and a taken one: one account transaction, one mail', async () => {
    const owner = await makeUser(app);
    const fresh = uniqueEmail('cost');
    const spies = {
      hash: vi.spyOn(app.passwords, 'hash'),
      create: vi.spyOn(app.users, 'create'),
      send: vi.spyOn(app.notifier, 'send'),
    };
    const taken = await registerEmail(owner.email!);
    const made = await registerEmail(fresh);
    expect(comparable(taken, owner.email!)).toEqual(comparable(made, fresh));
    expect(made.statusCode).toBe(202);
    expect(spies.hash).toHaveBeenCalledTimes(2);
    // The taken address's transaction ran too, and its unique key rolled it back.
    expect(spies.create).toHaveBeenCalledTimes(2);
    expect(spies.create.mock.calls[0]![1]).toMatchObject({ subject: owner.email });
    expect(spies.send.mock.calls.map((c) => c[0])).toEqual(['email-registered', 'verify-email']);
    expect((await app.users.findByIdentity('email', fresh))?.user.status).toBe('pending');
    expect((await app.users.findByIdentity('email', owner.email!))?.user.id).toBe(owner.id);
  });
});

describe('changing the email, against mail bombing', () => {
  const changeTo = async (email: string) => {
    const user = await makeUser(app);
    const { headers } = await sessionFor(app, user.id);
    return app.inject({ method: 'POST', url: '/api/v1/me/email', headers, payload: { email } });
  };

  it('mails an address one link a minute, however many accounts ask', async () => {
    const target = uniqueEmail('target');
    expect((await changeTo(target)).statusCode).toBe(200);
    const fromAnother = await changeTo(target);
    expectFailure(fromAnother, 429, 'RATE_LIMITED');
    expect(Number(fromAnother.headers['retry-after'])).toBeGreaterThan(0);
    await waitForMessages(app, target);
    await settle();
    expect(await outbox(app, target)).toHaveLength(1);
  });

  it('answers the same for an address that belongs to someone', async () => {
    const owner = await makeUser(app);
    const free = uniqueEmail('free');
    const firstTaken = await changeTo(owner.email!);
    expect(firstTaken.statusCode).toBe(200);
    expect((await changeTo(free)).statusCode).toBe(200);
    const again = [await changeTo(owner.email!), await changeTo(free)];
    expect(comparable(again[0]!)).toEqual(comparable(again[1]!));
    expectFailure(again[0]!, 429, 'RATE_LIMITED');
    await settle();
    expect(await outbox(app, owner.email!)).toHaveLength(0);
  });
});
