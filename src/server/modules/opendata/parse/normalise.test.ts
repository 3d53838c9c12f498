import { describe, expect, it } from 'vitest';
import { completeAddress, splitAddress } from './normalise-address';
import { normaliseList } from './normalise-lists';
import { normaliseDays, normaliseTimeOfDay, normaliseTimes } from './normalise-schedule';
import { cleanText, toKatakana } from './normalise-text';
import {
  normaliseCorporateNumber,
  normaliseCount,
  normaliseLatitude,
  normaliseLongitude,
  normaliseMedicalCode,
  normaliseMunicipalityCode,
  normalisePhone,
  normalisePostalCode,
  normaliseStatus,
  normaliseUrl,
} from './normalise-values';

const value = <T>(result: { ok: true; value: T } | { ok: false; code: string }) =>
  result.ok ? result.value : `error:${result.code}`;

describe('text', () => {
  it('trims trailing spaces and ideographic spaces, and makes half-width katakana full-width', () => {
    expect(cleanText('  目黒ｸﾘﾆｯｸ\u3000 ')).toBe('目黒クリニック');
    expect(cleanText('ｶﾞｰﾃﾞﾝ')).toBe('ガーデン');
  });

  it('stores the CP932 form of the wave dash and minus so a Shift_JIS round trip changes nothing', () => {
    expect(cleanText('9時〜12時')).toBe('9時～12時');
    expect(cleanText('−5')).toBe('－5');
  });

  it('keeps NEC and IBM extension characters as they are', () => {
    expect(cleanText('①㈱髙﨑')).toBe('①㈱髙﨑');
  });

  it('reads kana in hiragana or half-width as full-width katakana', () => {
    expect(toKatakana('めぐろ ｸﾘﾆｯｸ')).toBe('メグロ クリニック');
  });
});

describe('times of day', () => {
  it.each([
    ['0.375', '09:00'],
    ['0.7708333333', '18:30'],
    ['0.770833', '18:30'],
    ['9:00', '09:00'],
    ['09:00:00', '09:00'],
    ['９：００', '09:00'],
    ['9時', '09:00'],
    ['9時30分', '09:30'],
    ['9時半', '09:30'],
    ['午後6時', '18:00'],
    ['0900', '09:00'],
    ['24:00', '24:00'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normaliseTimeOfDay(raw)).toBe(expected);
  });

  it.each(['25:00', '9:60', '1.5', 'お昼', '24:30'])('refuses %s', (raw) => {
    expect(normaliseTimeOfDay(raw)).toBeUndefined();
  });

  it('reads split sessions as several times', () => {
    expect(value(normaliseTimes('9:00、14:00'))).toEqual(['09:00', '14:00']);
    expect(value(normaliseTimes('0.375,0.5833333333'))).toEqual(['09:00', '14:00']);
    expect(value(normaliseTimes('午前中'))).toBe('error:row.invalid_time');
  });
});

describe('days', () => {
  it.each([
    ['月火水木金土', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']],
    ['月～金', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['月曜日〜金曜日', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['月・水・金', ['mon', 'wed', 'fri']],
    ['平日,土曜日,日曜日,祝日', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday']],
    ['年中無休', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday']],
    ['月火水木金（第2・4土曜）', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['金～月', ['mon', 'fri', 'sat', 'sun']],
    ['', []],
  ])('reads %j', (raw, expected) => {
    expect(value(normaliseDays(raw))).toEqual(expected);
  });

  it('refuses a cell with no day in it', () => {
    expect(value(normaliseDays('要予約'))).toBe('error:row.invalid_days');
  });
});

describe('lists', () => {
  it('splits on every separator files mix', () => {
    expect(value(normaliseList('内科;外科；小児科、皮膚科,眼科/耳鼻咽喉科'))).toEqual([
      '内科',
      '外科',
      '小児科',
      '皮膚科',
      '眼科',
      '耳鼻咽喉科',
    ]);
  });

  it('splits on ・ between department names but keeps 乳腺・内分泌外科 whole', () => {
    expect(value(normaliseList('内科・外科・小児科'))).toEqual(['内科', '外科', '小児科']);
    expect(value(normaliseList('乳腺・内分泌外科'))).toEqual(['乳腺・内分泌外科']);
    expect(value(normaliseList('内科、乳腺・内分泌外科'))).toEqual(['内科', '乳腺・内分泌外科']);
  });

  it('drops items that are only a "none" mark, so the list reads back the same after export', () => {
    // Found by the fuzz test: `;-` was read as ["-"], written as `-`, and read back as [].
    expect(value(normaliseList(';-'))).toEqual([]);
    expect(value(normaliseList('内科、-、なし'))).toEqual(['内科']);
  });
});

describe('numbers and coordinates', () => {
  it('reads bed counts with notes', () => {
    expect(value(normaliseCount('19（休床中）'))).toBe(19);
    expect(value(normaliseCount('一般50、療養30'))).toBe(80);
    expect(value(normaliseCount('１２０床'))).toBe(120);
    expect(value(normaliseCount('無'))).toBe(0);
    expect(value(normaliseCount(''))).toBeNull();
    expect(value(normaliseCount('多数'))).toBe('error:row.invalid_number');
  });

  it('refuses a latitude of 135 and any coordinate outside Japan', () => {
    expect(value(normaliseLatitude('135'))).toBe('error:row.invalid_latitude');
    expect(value(normaliseLatitude('３５．６４１５'))).toBe(35.6415);
    expect(value(normaliseLongitude('35.64'))).toBe('error:row.invalid_longitude');
    expect(value(normaliseLongitude('139.69823456789'))).toBe(139.6982346);
    expect(value(normaliseLatitude('北緯35度'))).toBe('error:row.invalid_latitude');
  });
});

describe('codes', () => {
  it('checks the municipality check digit and completes a 5-digit code', () => {
    expect(value(normaliseMunicipalityCode('131105'))).toBe('131105');
    expect(value(normaliseMunicipalityCode('131106'))).toBe('error:row.invalid_municipality_code');
    expect(value(normaliseMunicipalityCode('13110'))).toBe('131105');
    expect(value(normaliseMunicipalityCode('１３１１０５'))).toBe('131105');
  });

  it('restores the leading zero Excel drops from a 6-digit code typed as a number', () => {
    expect(value(normaliseMunicipalityCode('11002'))).toBe('011002');
  });

  it('reads 医療機関コード of 7 or 10 digits and restores a dropped leading zero', () => {
    expect(value(normaliseMedicalCode('13-1-0000001'))).toBe('1310000001');
    expect(value(normaliseMedicalCode('0123456'))).toBe('0123456');
    expect(value(normaliseMedicalCode('110012345'))).toBe('0110012345');
    expect(value(normaliseMedicalCode('12345'))).toBe('error:row.invalid_medical_code');
  });

  it('checks the 法人番号 check digit', () => {
    expect(value(normaliseCorporateNumber('7000012050002'))).toBe('7000012050002');
    expect(value(normaliseCorporateNumber('8000012050002'))).toBe('error:row.invalid_corporate_number');
  });
});

describe('phones, postal codes, URLs, status', () => {
  it.each([
    ['(0285)37-7111', '0285-37-7111'],
    ['（０３）３７１２－７１１１', '03-3712-7111'],
    ['03(3712)7111', '03-3712-7111'],
    ['03 3712 7111', '03-3712-7111'],
    ['０３－３７１２－７１１１（代表）', '03-3712-7111'],
    ['TEL:03-3712-7111', '03-3712-7111'],
    ['312345678', '0312345678'],
    ['-', null],
  ])('reads phone %s', (raw, expected) => {
    expect(value(normalisePhone(raw))).toBe(expected);
  });

  it('refuses a phone number that is not one', () => {
    expect(value(normalisePhone('03-1234'))).toBe('error:row.invalid_phone');
    expect(value(normalisePhone('お問い合わせ'))).toBe('error:row.invalid_phone');
  });

  it('writes postal codes as 153-0061', () => {
    expect(value(normalisePostalCode('〒1530061'))).toBe('153-0061');
    expect(value(normalisePostalCode('１５３－００６１'))).toBe('153-0061');
    expect(value(normalisePostalCode('15300'))).toBe('error:row.invalid_postal_code');
  });

  it('accepts http(s) URLs only', () => {
    expect(value(normaliseUrl('www.example.jp'))).toBe('https://www.example.jp');
    expect(value(normaliseUrl('javascript:alert(1)'))).toBe('error:row.invalid_url');
  });

  it('reads 状況', () => {
    expect(value(normaliseStatus(''))).toBe('active');
    expect(value(normaliseStatus('休止'))).toBe('suspended');
    expect(value(normaliseStatus('廃止'))).toBe('closed');
    expect(value(normaliseStatus('たぶん'))).toBe('error:row.invalid_status');
  });
});

describe('addresses', () => {
  it('completes an address written without prefecture or city', () => {
    expect(completeAddress('碑文谷4-5-6', '東京都', '目黒区')).toBe('東京都目黒区碑文谷4-5-6');
    expect(completeAddress('目黒区碑文谷4-5-6', '東京都', '目黒区')).toBe('東京都目黒区碑文谷4-5-6');
    expect(completeAddress('東京都目黒区碑文谷4-5-6', '東京都', '目黒区')).toBe('東京都目黒区碑文谷4-5-6');
    expect(completeAddress('中央区北1条西2丁目', '北海道', '札幌市中央区')).toBe(
      '北海道札幌市中央区北1条西2丁目',
    );
  });

  it('splits an address into the standard blocks, keeping 一丁目 in the 町字', () => {
    expect(splitAddress('東京都目黒区上目黒一丁目2番3号', '目黒区')).toEqual({
      prefecture: '東京都',
      city: '目黒区',
      town: '上目黒一丁目',
      block: '2番3号',
    });
    expect(splitAddress('神奈川県横浜市港北区日吉1-2', null)).toEqual({
      prefecture: '神奈川県',
      city: '横浜市港北区',
      town: '日吉',
      block: '1-2',
    });
  });
});

describe('closures written in a note', () => {
  it('reads 第2・第4土曜休診 as two Saturday closures', async () => {
    const { closuresFromNote } = await import('./normalise-schedule');
    expect(closuresFromNote('土曜は午前のみ\n第2・第4土曜休診')).toEqual([
      { weekday: 6, nth: 2 },
      { weekday: 6, nth: 4 },
    ]);
    expect(closuresFromNote('第１・３水曜日は休診')).toEqual([
      { weekday: 3, nth: 1 },
      { weekday: 3, nth: 3 },
    ]);
    expect(closuresFromNote('祝日休診')).toEqual([]);
  });
});

describe('dates in a check-date column', () => {
  it('reads 和暦, abbreviations, 元年, Western dates and Excel serial days', async () => {
    const { normaliseDate } = await import('./normalise-values');
    expect(value(normaliseDate('令和 02年05月01日'))).toBe('2020-05-01');
    expect(value(normaliseDate('令4. 10. 5'))).toBe('2022-10-05');
    expect(value(normaliseDate('R6.4.1'))).toBe('2024-04-01');
    expect(value(normaliseDate('令和元年5月1日'))).toBe('2019-05-01');
    expect(value(normaliseDate('H31'))).toBe('2019-01-01');
    expect(value(normaliseDate('2024/4/1'))).toBe('2024-04-01');
    expect(value(normaliseDate('45383'))).toBe('2024-04-01');
    expect(value(normaliseDate('2024-04-01 09:30'))).toBe('2024-04-01');
    expect(value(normaliseDate('令和元年4月1日'))).toBe('error:row.invalid_date');
    expect(value(normaliseDate('先月'))).toBe('error:row.invalid_date');
  });
});
