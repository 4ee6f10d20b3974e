import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { SecretBox } from '../crypto/secret-box.js';
import type { Db } from '../db/database.js';
import type { App } from '../http/types.js';

export interface TestApp {
  app: App;
  config: Config;
  secrets: SecretBox;
  /** Signs in through the real route; the client carries the cookie and CSRF token after. */
  signIn(credentials: { email: string; password: string; totpCode?: string }, address?: string): Promise<TestClient>;
  anonymous(address?: string): TestClient;
  close(): Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client over app.inject(): cookie, CSRF header and a fixed client address. */
export class TestClient {
  constructor(
    private readonly app: App,
    readonly cookie: string | null,
    readonly csrfToken: string | null,
    readonly address = '127.0.0.1',
  ) {}

  request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const options: InjectOptions = {
      method,
      url,
      remoteAddress: this.address,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    };
    return this.app.inject(options);
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }
}

export async function createTestApp(
  db: Db,
  overrides: Partial<Config> = {},
  options: BuildAppOptions = {},
): Promise<TestApp> {
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent-test-data' }), ...overrides };
  const secrets = SecretBox.forTests();
  const app = await buildApp({ db, config, secrets }, options);
  await app.ready();
  return {
    app,
    config,
    secrets,
    async signIn(credentials, address = '127.0.0.1') {
      const { email, password, totpCode } = credentials;
      const payload = totpCode ? { email, password, totpCode } : { email, password };
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: address });
      if (response.statusCode !== 200) {
        throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      }
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return new TestClient(app, cookie, response.json<{ csrfToken: string }>().csrfToken, address);
    },
    anonymous(address = '127.0.0.1') {
      return new TestClient(app, null, null, address);
    },
    close: () => app.close(),
  };
}
