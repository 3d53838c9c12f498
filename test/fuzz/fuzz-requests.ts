import fc from 'fast-check';
import type { Role } from '../../src/contracts/roles';
import type { RouteInfo } from '../../src/server/platform/http/app';
import type { FuzzWorld, Identity } from './fuzz-world';
import { encodeSegment, hostileString, hostileValue } from './hostile-values';
import { almostValidValue, type IdSource, type JsonSchema, validValue } from './schema-arbitrary';

/** One OpenAPI operation, as much of it as the fuzz reads. */
export type Operation = {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema?: JsonSchema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/** A generated request; printed as it is when a property fails (fast-check shrinks it first). */
export type FuzzRequest = {
  route: string;
  who: string;
  method: string;
  url: string;
  body: string;
  contentType?: string;
  payload?: string;
};

/** An oversized body: past the 1 MiB limit of the app. */
const OVERSIZED = JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) });

/** The identities that may send a route's requests, weighted towards the ones allowed to. */
export function identitiesFor(route: RouteInfo, world: FuzzWorld): Map<string, Identity> {
  const all = new Map<string, Identity>();
  const access = route.access as 'public' | 'authenticated' | readonly Role[];
  const add = (key: string, identity: Identity, weight: number) => {
    for (let i = 0; i < weight; i++) all.set(`${key}#${i}`, identity);
  };
  add('anonymous', { kind: 'anonymous' }, 1);
  add('partial', world.partial, route.allowPartialLogin ? 3 : 1);
  add('unenrolled', world.unenrolled, route.allowPartialLogin ? 3 : 1);
  for (const [role, actor] of world.actors) {
    const allowed = access === 'public' || access === 'authenticated' || access.includes(role);
    add(`actor:${role}`, actor, allowed ? 3 : 1);
    if (allowed) add(`stranger:${role}`, world.strangers.get(role) as Identity, 1);
  }
  return all;
}

export function requestFor(
  route: RouteInfo,
  operation: Operation | undefined,
  world: FuzzWorld,
): fc.Arbitrary<FuzzRequest> {
  const ids: IdSource = fc
    .nat()
    .map((i) => world.ids[i % Math.max(1, world.ids.length)] ?? '00000000-0000-4000-8000-000000000000');
  const who = fc.constantFrom(...identitiesFor(route, world).keys()).map((k) => k.split('#')[0] as string);
  const params = operation?.parameters ?? [];
  const body = operation?.requestBody?.content?.['application/json']?.schema;
  return fc
    .record({
      who,
      path: pathFor(route.url, params, ids),
      query: queryFor(
        params.filter((p) => p.in === 'query'),
        ids,
      ),
      body: bodyFor(route.method, body, ids),
    })
    .map(({ who, path, query, body }) => {
      const request: FuzzRequest = {
        route: `${route.method} ${route.url}`,
        who,
        method: route.method,
        url: query ? `${path}?${query}` : path,
        ...body,
      };
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

/** The request as fast-check prints a counterexample: long strings cut, so the report stays readable. */
export function describeRequest(request: FuzzRequest): string {
  const cut = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…(${s.length} chars)` : s);
  return JSON.stringify(
    Object.fromEntries(Object.entries(request).map(([k, v]) => [k, typeof v === 'string' ? cut(v) : v])),
  );
}

function pathFor(
  url: string,
  params: NonNullable<Operation['parameters']>,
  ids: IdSource,
): fc.Arbitrary<string> {
  const segments = url.split('/').map((segment) => {
    if (segment === '*') return fc.oneof(fc.constant('index.css'), hostileString.map(encodeSegment));
    if (!segment.startsWith(':')) return fc.constant(segment);
    const schema = params.find((p) => p.in === 'path' && p.name === segment.slice(1))?.schema ?? {
      type: 'string',
    };
    return fc
      .oneof(
        { weight: 5, arbitrary: validValue(schema, ids).map(String) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: hostileString },
      )
      .map(encodeSegment);
  });
  return fc.tuple(...segments).map((parts) => parts.join('/'));
}

function queryFor(params: NonNullable<Operation['parameters']>, ids: IdSource): fc.Arbitrary<string> {
  const pairs = params.map((p) =>
    fc.option(
      fc
        .oneof(
          { weight: 4, arbitrary: validValue(p.schema ?? { type: 'string' }, ids) },
          { weight: 1, arbitrary: hostileString },
        )
        .map((value) => {
          const values = Array.isArray(value) ? value : [value];
          return values.map((v) => `${encodeSegment(p.name)}=${encodeSegment(String(v))}`).join('&');
        }),
      { freq: 2 },
    ),
  );
  const extra = fc.option(
    fc
      .tuple(fc.constantFrom('limit', 'cursor', 'q', '__proto__', 'x'), hostileString)
      .map(([k, v]) => `${k}=${encodeSegment(v)}`),
    { freq: 4 },
  );
  return fc.tuple(fc.tuple(...pairs), extra).map(([ps, e]) => [...ps, e].filter(Boolean).join('&'));
}

type Body = Pick<FuzzRequest, 'body' | 'contentType' | 'payload'>;

function bodyFor(method: string, schema: JsonSchema | undefined, ids: IdSource): fc.Arbitrary<Body> {
  const json =
    (kind: string) =>
    (value: unknown): Body => ({
      body: kind,
      contentType: 'application/json',
      payload: JSON.stringify(value) ?? 'null',
    });
  const none = fc.constant<Body>({ body: 'none' });
  const odd = fc.oneof(
    fc
      .constantFrom('{"a":', '{', '[1,2', 'nul', '"\\u0000"', '{"__proto__":{"admin":true}}', '')
      .map((payload): Body => ({ body: 'malformed json', contentType: 'application/json', payload })),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'text/csv',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/json; charset=shift_jis',
        ),
        hostileString,
      )
      .map(([contentType, payload]): Body => ({ body: 'wrong content type', contentType, payload })),
    fc.constant<Body>({ body: 'oversized', contentType: 'application/json', payload: OVERSIZED }),
  );
  if (!['POST', 'PUT', 'PATCH'].includes(method))
    return fc.oneof(
      { weight: 8, arbitrary: none },
      { weight: 1, arbitrary: hostileValue.map(json('random json')) },
    );
  if (!schema)
    return fc.oneof(
      { weight: 4, arbitrary: none },
      { weight: 2, arbitrary: fc.constant({}).map(json('empty object')) },
      { weight: 2, arbitrary: hostileValue.map(json('random json')) },
      { weight: 1, arbitrary: odd },
    );
  return fc.oneof(
    { weight: 5, arbitrary: validValue(schema, ids).map(json('valid')) },
    { weight: 4, arbitrary: almostValidValue(schema, ids).map(json('almost valid')) },
    { weight: 1, arbitrary: hostileValue.map(json('random json')) },
    { weight: 1, arbitrary: none },
    { weight: 1, arbitrary: odd },
  );
}
