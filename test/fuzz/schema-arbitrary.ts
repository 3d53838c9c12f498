import fc from 'fast-check';
import { hostileValue } from './hostile-values';

/** The part of JSON Schema the OpenAPI document (zod → JSON Schema) uses. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
};

/** Where a generated uuid comes from: ids that exist in the seeded world, most of the time. */
export type IdSource = fc.Arbitrary<string>;

const INT32 = 2 ** 31 - 1;

/** Values that satisfy `schema` (as far as JSON Schema says: cross-field rules may still refuse them). */
export function validValue(schema: JsonSchema, ids: IdSource, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, ids, depth + 1)));
  if (schema.allOf?.length === 1 && schema.allOf[0]) return validValue(schema.allOf[0], ids, depth);
  const base = baseValue(schema, ids, depth);
  return schema.nullable
    ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) })
    : base;
}

function baseValue(schema: JsonSchema, ids: IdSource, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringValue(schema, ids);
    case 'integer': {
      const min = Math.max(-INT32, Math.ceil(schema.minimum ?? schema.exclusiveMinimum ?? -1000));
      const max = Math.min(INT32, Math.floor(schema.maximum ?? schema.exclusiveMaximum ?? 100_000));
      return fc.integer({ min: Math.min(min, max), max });
    }
    case 'number':
      return fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items && depth < 6 ? validValue(schema.items, ids, depth + 1) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object':
      return objectValue(schema, ids, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValue(schema: JsonSchema, ids: IdSource, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0 || depth >= 6) {
    const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    return fc.dictionary(
      fc.string({ minLength: 1, maxLength: 12 }),
      extra ? validValue(extra, ids, depth + 1) : fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 4 },
    );
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) model[key] = validValue(properties[key] as JsonSchema, ids, depth + 1);
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
}

function stringValue(schema: JsonSchema, ids: IdSource): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 60));
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 4, arbitrary: ids }, { weight: 1, arbitrary: fc.uuid() });
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
    case 'date-time':
      return isoDate().map((d) => d.toISOString());
    case 'date':
      return isoDate().map((d) => d.toISOString().slice(0, 10));
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      // A pattern fast-check cannot generate from: fall through to plain text of the right length.
    }
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
  );
}

function isoDate(): fc.Arbitrary<Date> {
  return fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
}

/**
 * A valid object with exactly one thing wrong: a field of the wrong kind, a required field gone,
 * or a field the schema does not know. This is what reaches the code behind validation hardest.
 */
export function almostValidValue(schema: JsonSchema, ids: IdSource): fc.Arbitrary<unknown> {
  return validValue(schema, ids).chain((value) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return hostileValue;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(schema.properties ?? record);
    if (keys.length === 0) return fc.constant({ ...record, unexpected: 'x' });
    return fc.tuple(fc.constantFrom(...keys), fc.nat(2), hostileValue).map(([key, how, bad]) => {
      const copy: Record<string, unknown> = { ...record };
      if (how === 0) delete copy[key];
      else if (how === 1) copy[key] = bad;
      else copy[`${key}_x`] = bad;
      return copy;
    });
  });
}
