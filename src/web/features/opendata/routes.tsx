import type { RouteObject } from 'react-router';

/**
 * Routes of the open-data pages (placeholder created by the shell; the open-data feature fills it).
 * Keep this file light: the shell imports it eagerly, so every page belongs in a `lazy` import.
 */
export const opendataRoutes: RouteObject[] = [];
