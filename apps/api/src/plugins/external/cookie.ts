import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';

/** Cookies are read and set unsigned: the refresh token and the OAuth browser key carry their own checks. */
export default fp(
  async (app) => {
    await app.register(cookie);
  },
  { name: 'cookie' },
);
