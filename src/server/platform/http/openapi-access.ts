import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Access } from './access';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { config?: { access?: Access } };
};

/**
 * The OpenAPI shows who may call each operation, taken from the same `config.access` that
 * `enforceAccess` checks, so the document cannot drift from what the server enforces:
 * `x-access` for machines (the authorisation matrix test is generated from it) and a line in the
 * description for people reading /api/docs.
 */
export function accessSchemaTransform(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const result = jsonSchemaTransform(input);
  const schema = (result.schema ?? {}) as Record<string, unknown>;
  const access = input.route?.config?.access;
  if (schema.hide || access === undefined) return result;
  const line = `利用できる人 / Who may call: ${describeAccess(access)}`;
  const description = typeof schema.description === 'string' ? `${schema.description}\n\n${line}` : line;
  // `x-` keys are copied into the operation as they are (an OpenAPI extension).
  return { ...result, schema: { ...schema, description, 'x-access': access } as typeof result.schema };
}

function describeAccess(access: Access): string {
  if (access === 'public') return '誰でも（ログイン不要） / anyone, no sign-in';
  if (access === 'authenticated') return 'ログインした職員（二要素認証済み） / any signed-in staff member';
  return `${access.join(', ')}（ログイン・二要素認証済み） / signed-in staff holding one of these roles`;
}
