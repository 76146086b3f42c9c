// The traffic tests' scenario: a real HTTP server (or two) over a real database, an agency with a
// site, its API tokens and verified domains, and a raw HTTP client that can pick its source
// address on loopback (127.0.0.x), so per-IP limits can be told apart.
import http from 'node:http';
import { afterAll } from 'vitest';
import { createServices } from '../../http/services.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import type { JsonAnswer as Answer } from '../../testing/http-server.ts';
import { startTestServer, type TestServer } from '../../testing/http-server.ts';
import type { Scope } from '../scopes.ts';

export type { Answer };

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** the source address (any 127.0.0.x on Linux): the client IP the server sees */
  from?: string;
}

/** One HTTP request over a fresh connection, as a browser or server elsewhere would send it. */
export function request(url: string, opts: RequestOptions = {}): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        localAddress: opts.from,
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
          }
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, headers, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The CORS, rate-limit and Vary headers of an answer, lowercased names, for one-line assertions. */
export function trafficHeaders(answer: Answer): Record<string, string> {
  return Object.fromEntries([...answer.headers].filter(([name]) => /^(access-control-|ratelimit|retry-after|vary)/.test(name)));
}

export interface TrafficScenario {
  s: Scenario;
  server: TestServer;
  owner: TestUser;
  site: { id: string; slug: string };
  /** a new API token for `site` with `scopes`; its id and bearer value */
  token(scopes?: Scope[], siteId?: string): Promise<{ id: string; token: string }>;
  /** marks `hostname` verified for `siteId`, as a passed ownership check leaves it */
  verify(siteId: string, hostname: string): Promise<void>;
  /** a second web process: its own services and server over the same database */
  secondServer(): Promise<TestServer>;
}

export async function trafficScenario(): Promise<TrafficScenario> {
  const s = await scenario();
  const server = await startTestServer(s.services);
  afterAll(() => server.close());
  const owner = await s.user('Tess');
  const site = await s.site(owner, 'shop');
  return {
    s,
    server,
    owner,
    site,
    async token(scopes = ['site:read', 'webhooks:read', 'webhooks:write'], siteId = site.id) {
      const t = await owner.api.apiTokens.create({ agencyId: owner.agencyId, siteId, name: `token ${scopes.join(' ')}`, scopes });
      return { id: t.id, token: t.token };
    },
    async verify(siteId, hostname) {
      await s.services.db.siteDomain.create({
        data: { siteId, hostname, token: 'test-proof', status: 'verified', verifiedAt: new Date() },
      });
    },
    async secondServer() {
      const services = await createServices(s.url, 'http://dashboard.test');
      const second = await startTestServer(services);
      afterAll(async () => {
        await second.close();
        await services.close();
      });
      return second;
    },
  };
}
