import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CapacityUpdateBody, ReviewDecisionBody } from '../../src/contracts/directory-changes';
import { DirectoryEventBody } from '../../src/contracts/directory-stats';
import { TaskUpdateBody } from '../../src/contracts/discharge';
import { almostValidValue, type JsonSchema, validValue } from './schema-arbitrary';

const ids = fc.constant('0190a8f0-0000-7000-8000-000000000000');
const contracts = { CapacityUpdateBody, ReviewDecisionBody, DirectoryEventBody, TaskUpdateBody };

describe('request bodies generated from a contract’s JSON Schema', () => {
  for (const [name, schema] of Object.entries(contracts)) {
    const json = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;

    it(`${name}: every "valid" body passes the contract`, () => {
      fc.assert(
        fc.property(validValue(json, ids), (body) => {
          expect(schema.safeParse(body).success, JSON.stringify(body)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });

    it(`${name}: most "almost valid" bodies are refused by the contract`, () => {
      const bodies = fc.sample(almostValidValue(json, ids), { numRuns: 200, seed: 12 });
      const refused = bodies.filter((b) => !schema.safeParse(b).success).length;
      expect(refused).toBeGreaterThan(bodies.length / 2);
    });
  }
});
