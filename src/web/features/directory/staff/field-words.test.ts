import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { directoryMessages } from '../directory.messages';
import { describeValue } from './field-words';
import { directoryStaffMessages } from './staff.messages';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'ja',
    defaultNS: 'staff',
    resources: { ja: { staff: directoryStaffMessages.ja, directory: directoryMessages.ja } },
  });
});
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options ?? {});
const names = new Map([['end_of_life', '看取り']]);

describe('history values in words', () => {
  it('names the capacity signal as the facility page does, not its code', () => {
    expect(describeValue('capacity', 'accepting', t, names)).toEqual(['受入可']);
    expect(describeValue('capacity', 'waitlist', t, names)[0]).not.toBe('waitlist');
  });

  it('shows a confirmation time in Japan time and the registered entry field by field', () => {
    expect(describeValue('confirmedAt', '2026-12-01T00:30:00.000Z', t, names)).toEqual(['2026/12/01 09:30']);
    expect(
      describeValue(
        'created',
        { name: 'あおぞら', fax: null, capabilities: ['end_of_life'], languages: [] },
        t,
        names,
      ),
    ).toEqual(['名称：あおぞら', 'できること：看取り']);
  });
});
