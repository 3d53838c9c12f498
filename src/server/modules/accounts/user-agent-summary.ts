/**
 * A coarse device summary from the User-Agent header, for the owner's list of sessions and the
 * new-device mail: browser family and operating system, never versions or the raw header (which
 * can be long, forged, and identifying). Order matters: Edge and Opera also say "Chrome", Chrome
 * also says "Safari", Android also says "Linux", iOS also says "Mac OS X".
 */
export type DeviceSummary = { browser: string; os: string };

const browsers: Array<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\b(Headless)?Chrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

const systems: Array<[RegExp, string]> = [
  [/\bWindows\b/, 'Windows'],
  [/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const UNKNOWN = 'unknown';

export function summariseUserAgent(userAgent: string | null | undefined): DeviceSummary {
  if (!userAgent) return { browser: UNKNOWN, os: UNKNOWN };
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? UNKNOWN;
  const os = systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? UNKNOWN;
  return { browser, os };
}

/** The header as kept on the session: bounded, printable ASCII only. */
export function boundedUserAgent(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const clean = userAgent.replace(/[^\x20-\x7e]/g, '').slice(0, 300);
  return clean || null;
}
