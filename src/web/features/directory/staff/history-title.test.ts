import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { HistorySource } from '../../../../contracts/directory';
import { historyTitle } from './history-title';
import { directoryStaffMessages } from './staff.messages';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ lng: 'ja', resources: { ja: { staff: directoryStaffMessages.ja } }, defaultNS: 'staff' });
});
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});

describe('the heading of a facility history entry', () => {
  it('numbers only the entries that wrote a new version', () => {
    expect(historyTitle({ source: 'editor', version: 2 }, t)).toBe('第2版・施設の申請（承認）');
    expect(historyTitle({ source: 'create', version: 1 }, t)).toBe('第1版・登録');
  });

  it('says a capacity update or a confirmation kept the version, so no two entries read 第2版', () => {
    expect(historyTitle({ source: 'capacity', version: 2 }, t)).toBe('受け入れ状況の更新（第2版のまま）');
    expect(historyTitle({ source: 'confirm', version: 2 }, t)).toBe('内容の確認（第2版のまま）');
  });

  it('titles every source differently from 第N版 alone', () => {
    for (const source of HistorySource.options) {
      expect(historyTitle({ source, version: 4 }, t)).not.toBe('第4版');
    }
  });
});
