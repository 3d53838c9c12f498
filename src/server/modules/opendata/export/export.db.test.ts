import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/test-app';
import { openTestDatabase } from '../../../../../test/support/test-db';
import { seedDirectoryDemo } from '../../../demo/directory/demo-seed';
import { systemContext } from '../../../platform/context';
import type { DatabaseHandle } from '../../../platform/db/database';
import { importOpenData } from '../import/import.service';
import { collectOpenData } from '../parse/open-data-reader';
import { type ExportRequest, exportOpenData } from './export.service';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/opendata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const ctx = (code: string) => systemContext('test', code);

describe('open-data export', () => {
  let handle: DatabaseHandle;
  const exported = async (request: Omit<ExportRequest, 'municipalityCode'>, code = '131105') => {
    const file = await exportOpenData({ db: handle.db }, ctx(code), { municipalityCode: code, ...request });
    return { ...file, bytes: await buffer(file.stream) };
  };
  const reimport = (bytes: Buffer, fileName: string) =>
    importOpenData(handle, ctx('131105'), { bytes, fileName, dryRun: false, overwriteEditorEdits: false });

  beforeAll(async () => {
    handle = await openTestDatabase();
    for (const name of ['medical-standard.csv', 'care-recommended.csv', 'jigyosho_130.csv']) {
      const report = await reimport(fixture(name), name);
      expect(report.committed).toBe(true);
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  it('writes the standard 医療機関一覧 as UTF-8 with BOM and CRLF, in the 42 standard columns', async () => {
    const file = await exported({ format: 'csv', dataset: 'medical' });
    expect(file.fileName).toBe('131105-medical-institutions.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8');
    expect(text.split('\r\n')[0]?.split(',')).toHaveLength(42);
    expect(text).toContain('髙﨑クリニック①（架空）');
    expect(text).toContain(',内科、外科、乳腺・内分泌外科、整形外科,');
    // A cell with a line break is quoted, so Excel and every CSV reader keep it in one cell.
    expect(text).toContain('"土曜は午前のみ\n第2・第4土曜休診"');
  });

  it.each([
    ['csv', 'medical'],
    ['csv-cp932', 'medical'],
    ['csv', 'care'],
    ['csv-cp932', 'care'],
  ] as const)('reads its own %s %s export back as no change', async (format, dataset) => {
    const file = await exported({ format, dataset });
    const report = await reimport(file.bytes, file.fileName);
    expect(report.errors).toEqual([]);
    expect(report.encoding).toBe(format === 'csv' ? 'utf-8-bom' : 'cp932');
    expect(report).toMatchObject({ created: 0, updated: 0, committed: true });
    expect(report.unchanged).toBe(report.rows);
    expect(report.rows).toBe(dataset === 'medical' ? 4 : 6);
  });

  it('gives back what a care list said, days without times included', async () => {
    const file = await exported({ format: 'csv', dataset: 'care' });
    const read = await collectOpenData(file.bytes, {
      fileName: 'care.csv',
      knownMunicipality: () => undefined,
    });
    const aoba = read.rows.find((r) => r.content.name === '目黒あおば訪問看護ステーション（架空）');
    expect(aoba?.content).toMatchObject({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hoursNote: '24時間対応\n土日は緊急時のみ',
      corporateNumber: '6011005000202',
      serviceKind: '訪問看護',
    });
    const yuyake = read.rows.find((r) => r.content.name === '訪問看護ステーションゆうやけ目黒（架空）');
    expect(yuyake?.content.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday']);
  });

  it('writes CP932 that keeps the NEC and IBM extension characters', async () => {
    const file = await exported({ format: 'csv-cp932', dataset: 'medical' });
    expect(file.bytes.includes(Buffer.from([0x87, 0x40]))).toBe(true);
    const read = await collectOpenData(file.bytes, { fileName: 'x.csv', knownMunicipality: () => undefined });
    expect(read.rows.some((r) => r.content.name === '髙﨑クリニック①（架空）')).toBe(true);
  });

  it('writes one xlsx sheet per facility type and reads it back as no change', async () => {
    const file = await exported({ format: 'xlsx' });
    const read = await collectOpenData(file.bytes, {
      fileName: file.fileName,
      knownMunicipality: () => undefined,
    });
    expect(read.errors).toEqual([]);
    const report = await reimport(file.bytes, file.fileName);
    expect(report.sheets.map((s) => s.name)).toEqual([
      '病院',
      '診療所',
      '歯科診療所',
      '薬局',
      '訪問看護ステーション',
      '居宅介護支援事業所',
      '地域包括支援センター',
      'その他の介護サービス',
    ]);
    expect(report).toMatchObject({ rows: 10, unchanged: 10, created: 0, updated: 0, committed: true });
  });

  it('writes Open Referral HSDS with schedules as RFC 5545 rules and assured dates', async () => {
    const file = await exported({ format: 'hsds' });
    const doc = JSON.parse(file.bytes.toString('utf8'));
    expect(doc.hsds_version).toBe('3.0');
    expect(doc.license.id).toBe('CC-BY-4.0');
    expect(doc.services).toHaveLength(10);
    const hospital = doc.services.find((s: { name: string }) => s.name === '目黒みどり記念病院（架空）');
    expect(hospital.status).toBe('active');
    expect(hospital.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(hospital.organization.organization_identifiers[0]).toMatchObject({ identifier: '1310000001' });
    expect(hospital.schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          freq: 'WEEKLY',
          byday: 'MO,TU,WE,TH,FR',
          opens_at: '09:00',
          closes_at: '18:30',
        }),
        expect.objectContaining({ freq: 'MONTHLY', byday: '1SA,3SA,5SA' }),
      ]),
    );
    const location = hospital.service_at_locations[0].location;
    expect(location).toMatchObject({ latitude: 35.6441, longitude: 139.6989 });
    expect(location.addresses[0]).toMatchObject({ state_province: '東京都', city: '目黒区', country: 'JP' });
    const dental = doc.services.find((s: { name: string }) => s.name === '目黒さくら歯科（架空）');
    expect(dental.status).toBe('temporarily closed');
  });

  it('writes a FHIR R4 Bundle of JP Core Organization and Location and base HealthcareService', async () => {
    const file = await exported({ format: 'fhir' });
    const bundle = JSON.parse(file.bytes.toString('utf8'));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(30);
    const org = bundle.entry.find(
      (e: { resource: { resourceType: string; name: string } }) =>
        e.resource.resourceType === 'Organization' && e.resource.name === '目黒みどり記念病院（架空）',
    ).resource;
    expect(org.meta.profile).toEqual(['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization']);
    expect(org.identifier[0]).toEqual({
      system: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no',
      value: '1310000001',
    });
    expect(org.extension.map((e: { valueCoding?: { code: string } }) => e.valueCoding?.code)).toEqual([
      '13',
      '1',
      undefined,
    ]);
    const services = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'HealthcareService',
    );
    expect(services).toHaveLength(10);
    expect(services[0].resource.providedBy.reference).toMatch(/^urn:uuid:/);
  });

  it('answers not_found for a municipality the installation does not have', async () => {
    await expect(
      exportOpenData({ db: handle.db }, ctx('011002'), { format: 'csv', municipalityCode: '011002' }),
    ).rejects.toThrow();
  });
});

describe('export of the directory’s own data', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
    await sql`insert into municipalities (code, name, prefecture) values ('131105', '目黒区', '東京都')`.execute(
      handle.db,
    );
    const config = testConfig();
    await seedDirectoryDemo(
      { db: handle.db, config, engine: handle.engine, kickMail: () => undefined },
      '131105',
      () => undefined,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it.each(['csv', 'csv-cp932', 'xlsx'] as const)(
    'reads a %s export of the demo directory back as no change',
    async (format) => {
      const files =
        format === 'xlsx'
          ? [await exportOpenData({ db: handle.db }, ctx('131105'), { format, municipalityCode: '131105' })]
          : await Promise.all(
              (['medical', 'care'] as const).map((dataset) =>
                exportOpenData({ db: handle.db }, ctx('131105'), {
                  format,
                  dataset,
                  municipalityCode: '131105',
                }),
              ),
            );
      let rows = 0;
      for (const file of files) {
        const bytes = await buffer(file.stream);
        const report = await importOpenData(handle, ctx('131105'), {
          bytes,
          fileName: file.fileName,
          dryRun: false,
          overwriteEditorEdits: false,
        });
        expect(report.errors.slice(0, 5)).toEqual([]);
        expect(report).toMatchObject({ created: 0, updated: 0, committed: true });
        rows += report.rows;
      }
      const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from facilities`.execute(
        handle.db,
      );
      expect(rows).toBe(count[0]!.n);
    },
  );

  it('lists each facility’s home-care capabilities as HSDS attributes with their confirmed dates', async () => {
    const file = await exportOpenData({ db: handle.db }, ctx('131105'), {
      format: 'hsds',
      municipalityCode: '131105',
    });
    const doc = JSON.parse((await buffer(file.stream)).toString('utf8'));
    const withCapabilities = doc.services.filter((s: { attributes: unknown[] }) =>
      s.attributes.some((a) => (a as { link_type: string }).link_type === 'capability'),
    );
    expect(withCapabilities.length).toBeGreaterThan(100);
    const attribute = withCapabilities[0].attributes.find(
      (a: { link_type: string }) => a.link_type === 'capability',
    );
    expect(attribute.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.taxonomy_terms.map((t: { code: string }) => t.code)).toContain('sterile_compounding');
  });
});
