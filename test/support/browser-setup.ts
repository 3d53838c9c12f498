import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser journeys need Debian Chromium and a built web app; say exactly what is missing. */
export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium が見つかりません (${CHROMIUM})。'apt-get install -y chromium fonts-noto-cjk' を実行してください / Chromium missing: run 'apt-get install -y chromium fonts-noto-cjk'`,
    );
  }
  if (!existsSync('dist/web/index.html')) {
    throw new Error(
      "Web アプリが未ビルドです。'npm run build:web' を実行してください / web app not built: run 'npm run build:web'",
    );
  }
}
