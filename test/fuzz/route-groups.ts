import type { RouteInfo } from '../../src/server/platform/http/app';
import type { Operation } from './fuzz-requests';

export type RouteGroup = { name: string; routes: { route: RouteInfo; operation: Operation | undefined }[] };

type OpenApi = { paths: Record<string, Record<string, Operation>> };

/**
 * The live route table grouped by the first path segment after /api (`/api/patients/:id` →
 * `patients`), each route with its OpenAPI operation (params, query and body schemas). A route a
 * module adds later lands in its group, or in a new one, without touching the fuzz.
 */
export function routeGroups(routeTable: RouteInfo[], openApi: OpenApi): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const route of routeTable) {
    if (!route.url.startsWith('/api/')) continue;
    const name = route.url.split('/')[2] ?? '';
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const operation = openApi.paths[path]?.[route.method.toLowerCase()];
    const group = groups.get(name) ?? { name, routes: [] };
    group.routes.push({ route, operation });
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}
