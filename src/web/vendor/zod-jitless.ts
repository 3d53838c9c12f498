// The web's `zod` (vite.config.ts aliases the bare specifier here): the same library, told not to
// compile parsers with `new Function`. Its first parse would otherwise probe for eval, which the
// Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') refuses and reports as a
// violation on every page. The server keeps the compiled parsers (no CSP there).
import { z } from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
export default z;
