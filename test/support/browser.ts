import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../../src/contracts/roles';
// The seed file itself (the module index pulls in the CLI and the module registry).
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/server/modules/accounts/demo.seed';
import { serverModules } from '../../src/server/modules/registry';
import { loadConfig } from '../../src/server/platform/config';
import { type RunningServer, startServer } from '../../src/server/platform/server';
import { CHROMIUM } from './browser-setup';
import { freshTotp } from './totp';

/**
 * Collects the Content-Security-Policy violations of each document, so that `axeViolations` reports
 * them too: every page a browser test checks for accessibility is also checked against the CSP
 * (an inline style or script the policy blocks would break the page for real users).
 */
const RECORD_CSP_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  });
`;

/** Headless Debian Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  // Every context (and the default one of browser.newPage) records CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    await context.addInitScript(RECORD_CSP_VIOLATIONS);
    return context;
  };
  browser.newPage = async (...args) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  };
  return browser;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export type DemoServer = RunningServer & { dataDir: string; stopAndClean(): Promise<void> };

/** The real server with the demo data on a temp PGlite dir and a free port. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zaitaku-web-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'always',
    PASSWORD_SCRYPT_LOG_N: '12',
    TILE_URL: '',
    ...env,
  });
  const server = await startServer(config, {
    modules: serverModules,
    webRoot: resolve('dist/web'),
    print: () => undefined,
  });
  return {
    ...server,
    dataDir,
    stopAndClean: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** axe-core with the WCAG 2.x A/AA rules (JIS X 8341-3:2016 AA is WCAG 2.0 AA). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; help: string; nodes: number }>> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const csp = await page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
  return [
    ...results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length })),
    ...csp.map((help) => ({ id: 'content-security-policy', help, nodes: 1 })),
  ];
}

/**
 * Logs a demo account in through the login form and its two-factor step, as its user would (the
 * code computed from the account's published secret). Leaves the page wherever login sends it.
 * A role names the first demo account with it; `{ email }` names one (the dental desk's account is
 * a second clinician).
 */
export async function signInAsDemo(
  page: Page,
  serverUrl: string,
  who: Role | { email: string },
  next?: string,
): Promise<void> {
  const user = DEMO_USERS.find((candidate) =>
    typeof who === 'string' ? candidate.role === who : candidate.email === who.email,
  );
  if (!user) throw new Error(`the accounts seed has no demo account ${JSON.stringify(who)}`);
  await page.goto(`${serverUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('メールアドレス').fill(user.email);
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL(/\/login\/two-factor/);
  await page.getByLabel('確認コード（6桁）').fill(await freshTotp(user.totpSecret));
  await page.getByRole('button', { name: '確認する' }).click();
}

/**
 * Waits for something the server adds in the background (an inbox notice the fan-out job writes)
 * by reloading the page until `target` matches; returns how many match then. Fails after `timeout`.
 */
export async function reloadUntilShown(page: Page, target: Locator, timeout = 30_000): Promise<number> {
  await expect
    .poll(
      async () => {
        if ((await target.count()) === 0) await page.reload();
        return target.count();
      },
      { timeout, interval: 1_000 },
    )
    .toBeGreaterThan(0);
  return target.count();
}

/**
 * The one demo server and browser of a browser test file: started before its tests, closed and
 * removed after them. Read `demo.server` and `demo.browser` inside the tests.
 */
export function startDemoBrowserSuite(env: Record<string, string> = {}): {
  server: DemoServer;
  browser: Browser;
} {
  const demo = {} as { server: DemoServer; browser: Browser };
  beforeAll(async () => {
    demo.server = await startDemoServer(env);
    demo.browser = await launchBrowser();
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.stopAndClean();
  });
  return demo;
}

/** Pages of a printed PDF and the size of its first page in points (A4 portrait is 595 × 842). */
export function pdfPages(pdf: Buffer): { pages: number; width: number; height: number } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  return { pages, width: Math.round(Number(box?.[1])), height: Math.round(Number(box?.[2])) };
}
