// Run by the opendata scenario in a process of its own (`node --import tsx bench/export-child.ts`)
// with DATA_DIR or DATABASE_URL set: opens the database, streams the CSV export of MUNICIPALITY
// to nowhere and prints one JSON line with the time and the memory above the opened database.
import { exportOpenData } from '../src/server/modules/opendata';
import { systemContext } from '../src/server/platform/context';
import { openDatabase } from '../src/server/platform/db/database';
import { measureExtraMemory } from './memory';

const handle = await openDatabase({
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  DATA_DIR: process.env.DATA_DIR ?? '',
  DATABASE_POOL_SIZE: 2,
});
try {
  const measured = await measureExtraMemory(async () => {
    const t0 = performance.now();
    const municipalityCode = process.env.MUNICIPALITY ?? '131105';
    const file = await exportOpenData({ db: handle.db }, systemContext('bench export', municipalityCode), {
      format: 'csv',
      dataset: 'medical',
      municipalityCode,
    });
    let bytes = 0;
    for await (const chunk of file.stream) bytes += (chunk as Buffer).length;
    return { bytes, seconds: (performance.now() - t0) / 1000 };
  });
  process.stdout.write(`${JSON.stringify(measured)}\n`);
} finally {
  await handle.close();
}
