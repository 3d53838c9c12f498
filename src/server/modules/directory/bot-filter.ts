/**
 * Statistics count people, not machines: requests whose user agent is missing or names a
 * crawler, an HTTP library, a monitor or a headless browser are not counted. This is a
 * heuristic for obvious bots only; nothing about the client is stored either way.
 */
const botPattern =
  /bot|crawl|spider|slurp|archiver|fetch|curl|wget|python|httpclient|http-client|okhttp|axios|node|undici|go-http|java\/|libwww|perl|ruby|php|headless|phantom|selenium|playwright|puppeteer|lighthouse|pagespeed|monitor|uptime|pingdom|check|scan|preview|facebookexternalhit|embedly|quora|whatsapp|slack|discord|telegram/i;

export function isBotUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim().length < 10) return true;
  return botPattern.test(userAgent);
}
