import { expect } from 'vitest';

/** FHIR JSON as a test reads it: any path may be followed, the assertions say what must be there. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk FHIR JSON by path and assert on what they find
export type FhirJson = Record<string, any>;

type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };

/** Every `reference` string anywhere inside a resource. */
function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

/**
 * Checks a FHIR document Bundle's frame: type document, the Composition first, unique urn:uuid
 * fullUrls, every reference resolving to an entry inside the Bundle, the subject a Patient and the
 * authors a Practitioner and an Organization. Returns the Composition.
 */
export function expectResolvingDocumentBundle(bundle: unknown): Record<string, unknown> {
  const b = bundle as {
    resourceType: string;
    type: string;
    timestamp?: string;
    identifier?: unknown;
    entry: Entry[];
  };
  expect(b.resourceType).toBe('Bundle');
  expect(b.type).toBe('document');
  expect(b.timestamp).toEqual(expect.any(String));
  expect(b.identifier).toBeTruthy();
  const [first] = b.entry;
  expect(first?.resource.resourceType).toBe('Composition');
  const urls = b.entry.map((e) => e.fullUrl);
  expect(new Set(urls).size).toBe(urls.length);
  for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  const byUrl = new Map(b.entry.map((e) => [e.fullUrl, e.resource]));
  for (const entry of b.entry) {
    for (const reference of referencesIn(entry.resource)) expect(byUrl.has(reference), reference).toBe(true);
  }
  const composition = first?.resource as Record<string, unknown>;
  const subject = byUrl.get((composition.subject as { reference: string }).reference);
  expect(subject?.resourceType).toBe('Patient');
  const authors = (composition.author as Array<{ reference: string }>).map(
    (a) => byUrl.get(a.reference)?.resourceType,
  );
  expect(authors).toEqual(['Practitioner', 'Organization']);
  return composition;
}
