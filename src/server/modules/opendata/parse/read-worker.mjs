// Entry of the reading worker (see read-in-worker.ts). Workers do not inherit the TypeScript
// loader of the main thread, so this plain module registers tsx before loading the reader.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
