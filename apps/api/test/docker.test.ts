import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

type Service = {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
};
const compose = parse(read('docker/compose.yml'), { merge: true }) as {
  'x-folio-env': Record<string, string>;
  services: Record<string, Service>;
};
const { services } = compose;

/** Every string in the document, with where it is. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const SECRET_NAME = /PASSWORD|SECRET|_KEY$|TOKEN/;

describe('docker/compose.yml', () => {
  it('has no default for any password or secret', () => {
    for (const [path, value] of strings(compose)) {
      for (const [, name, op, fallback] of value.matchAll(/\$\{(\w+)(:?[-?])?([^}]*)\}/g)) {
        if (SECRET_NAME.test(name!) && op?.endsWith('-')) {
          expect(fallback, `${path}: ${name} has a default`).toBe('');
        }
      }
      const key = path.split('.').pop()!;
      if (SECRET_NAME.test(key) && !key.endsWith('SMS_HTTP_KEY')) {
        expect(value, `${path} is not a required variable`).toMatch(/^\$\{\w+:\?[^}]+\}$/);
      }
    }
  });

  it('refuses to start without the database passwords, the JWT secret and an SMS choice', () => {
    const mariadb = services.mariadb!.environment!;
    expect(mariadb.MARIADB_ROOT_PASSWORD).toMatch(/^\$\{MARIADB_ROOT_PASSWORD:\?.+\}$/);
    expect(mariadb.MARIADB_PASSWORD).toMatch(/^\$\{MARIADB_PASSWORD:\?.+\}$/);
    for (const name of ['api', 'worker', 'events']) {
      const env = services[name]!.environment!;
      expect(env.DATABASE_URL).toMatch(/^mysql:\/\/folio:\$\{MARIADB_PASSWORD:\?[^}]+\}@mariadb:/);
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
      // Not outbox by default: a deployment sends codes through the provider or says otherwise.
      expect(env.SMS_TRANSPORT).toMatch(/^\$\{SMS_TRANSPORT:\?.+\}$/);
    }
  });

  it('sends mail by SMTP, to a Mailpit service unless told otherwise', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name]!.environment!;
      expect(env.MAIL_TRANSPORT).toBe('smtp');
      expect(env.SMTP_URL).toBe('${SMTP_URL:-smtp://mailpit:1025}');
    }
    const mailpit = services.mailpit!;
    expect(mailpit.image).toMatch(/^axllent\/mailpit(:|$)/);
    // Its web UI shows every mail (reset links included): this machine only.
    expect(mailpit.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:/)]);
  });
});

describe('docker/Dockerfile', () => {
  it('runs MariaDB with the Mroonga engine the search index needs', () => {
    const mariadb = services.mariadb as Service & {
      build?: { dockerfile?: string };
      command?: string[];
    };
    expect(mariadb.build?.dockerfile).toBe('docker/mariadb.Dockerfile');
    expect(mariadb.command).toContain('--plugin-load-add=ha_mroonga');
    const dockerfile = read('docker/mariadb.Dockerfile');
    expect(dockerfile).toMatch(/^FROM mariadb:11$/m);
    expect(dockerfile).toMatch(/apt-get install [^\n]*mariadb-plugin-mroonga/);
    expect(dockerfile).toMatch(/ha_mroonga\.so/);
  });

  it("sends the event streams to the events process, which shares the API's settings", () => {
    expect(services.events!.command).toEqual(['node', 'dist/events.js']);
    expect(services.events!.image).toBe(services.api!.image);
    expect(services.events!.environment!.JWT_SECRET).toBe(services.api!.environment!.JWT_SECRET);
    expect(services.events!.environment!.DATABASE_URL).toBe(
      services.api!.environment!.DATABASE_URL,
    );
    const nginx = services.nginx!.environment!;
    expect(nginx.FOLIO_EVENTS_UPSTREAM).toBe('events:3000');
    // Every variable the nginx template uses is set, in compose and in the image.
    const template = read('nginx/templates/folio.conf.template');
    const dockerfile = read('docker/Dockerfile');
    for (const [, name] of template.matchAll(/\$\{(FOLIO_\w+)\}/g)) {
      expect(nginx[name!], `compose sets ${name}`).toBeDefined();
      expect(dockerfile, `the image sets ${name}`).toMatch(new RegExp(`\\b${name}=`));
    }
  });

  it("runs the API's processes with the heap and allocator settings of apps/api/runtime.env", () => {
    const settings = Object.entries(parseEnv(read('apps/api/runtime.env')));
    expect(settings.map(([name]) => name).sort()).toEqual([
      'MALLOC_MMAP_THRESHOLD_',
      'NODE_OPTIONS',
    ]);
    // The stage the api, worker and events services run.
    const api = read('docker/Dockerfile').split(/^FROM .* AS api$/m)[1]!;
    for (const [name, value] of settings) {
      const escaped = value!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(api, `the image sets ${name}`).toMatch(
        new RegExp(`\\b${name}=("?)${escaped}\\1(\\s|$)`),
      );
    }
  });

  it('runs on Node 24 LTS', () => {
    expect(read('docker/Dockerfile')).toMatch(/^ARG NODE_IMAGE=node:24-[\w.-]+$/m);
  });
});
