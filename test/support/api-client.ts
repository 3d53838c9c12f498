import type { FastifyInstance } from 'fastify';
import { logInOverHttp, nextClientAddress, type TestSession, type TestUser } from './factories/accounts';
import { totp } from './totp';

export type ApiResponse<T = unknown> = {
  status: number;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: T;
  headers: Record<string, unknown>;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiCaller = {
  get<T = unknown>(url: string): Promise<ApiResponse<T>>;
  post<T = unknown>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = unknown>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = unknown>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = unknown>(url: string): Promise<ApiResponse<T>>;
  /** The session this caller uses (after its first call), for tests that need the raw headers. */
  session(): Promise<TestSession | undefined>;
};

/**
 * The module tests' client: `api.as(user).post(url, body)` signs the factory user in over HTTP the
 * way the web does (password, then the TOTP code), once per user, and sends every request with that
 * session's cookie and CSRF token from the user's own client address. `api.anonymous` is the public.
 */
export function createApiClient(app: Pick<FastifyInstance, 'inject'>) {
  const sessions = new Map<string, { address: string; session: Promise<TestSession> }>();

  const signIn = (user: TestUser) => {
    let entry = sessions.get(user.id);
    if (!entry) {
      const address = nextClientAddress();
      entry = { address, session: logInOverHttp(app as never, user, (secret) => totp(secret), address) };
      sessions.set(user.id, entry);
    }
    return entry;
  };

  const caller = (resolve: () => { address: string; session?: Promise<TestSession> }): ApiCaller => {
    const send = async <T>(method: Method, url: string, body?: unknown): Promise<ApiResponse<T>> => {
      const { address, session } = resolve();
      const signedIn = session ? await session : undefined;
      const response = await app.inject({
        method,
        url,
        remoteAddress: address,
        headers: signedIn?.headers ?? {},
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const type = String(response.headers['content-type'] ?? '');
      return {
        status: response.statusCode,
        body: (type.includes('json') ? response.json() : response.body) as T,
        headers: response.headers as Record<string, unknown>,
      };
    };
    return {
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body ?? {}),
      put: (url, body) => send('PUT', url, body ?? {}),
      patch: (url, body) => send('PATCH', url, body ?? {}),
      delete: (url) => send('DELETE', url),
      session: async () => {
        const { session } = resolve();
        return session ? await session : undefined;
      },
    };
  };

  const publicAddress = nextClientAddress();
  return {
    as: (user: TestUser): ApiCaller => caller(() => signIn(user)),
    anonymous: caller(() => ({ address: publicAddress })),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
