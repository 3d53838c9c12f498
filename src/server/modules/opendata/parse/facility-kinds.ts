import { cleanText } from './normalise-text';

/** Facility types of the directory (issue 3). */
export const FACILITY_TYPES = [
  'hospital',
  'clinic',
  'dental_clinic',
  'pharmacy',
  'visiting_nurse_station',
  'care_management_office',
  'community_support_center',
  'other_care_service',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const MEDICAL_TYPES: readonly FacilityType[] = ['hospital', 'clinic', 'dental_clinic', 'pharmacy'];

const MEDICAL_KINDS: Array<[RegExp, FacilityType]> = [
  [/^(病院|一般病院|精神科病院|特定機能病院|地域医療支援病院)$/, 'hospital'],
  [/^(歯科|歯科診療所|歯科医院|歯科クリニック)$/, 'dental_clinic'],
  [/^(有床診療所|無床診療所|診療所|一般診療所|医科診療所|医科|クリニック|医院)$/, 'clinic'],
  [/^(薬局|保険薬局|調剤薬局)$/, 'pharmacy'],
  [/^(訪問看護ステーション|訪問看護)$/, 'visiting_nurse_station'],
];

/** 医療機関の種類 → type; undefined for a kind we do not know. */
export function medicalTypeOf(kind: string): FacilityType | undefined {
  const text = cleanText(kind).replace(/\s+/g, '');
  return MEDICAL_KINDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** 実施サービス / サービスの種類 → type. Every care service is a facility; most are `other_care_service`. */
export function careTypeOf(service: string): FacilityType {
  const text = cleanText(service).replace(/\s+/g, '');
  if (/地域包括支援センター/.test(text)) return 'community_support_center';
  if (/^(介護予防)?訪問看護(ステーション)?$/.test(text)) return 'visiting_nurse_station';
  if (/^(居宅介護支援|介護予防支援)(事業所)?$/.test(text)) return 'care_management_office';
  return 'other_care_service';
}

/** MHLW file names carry the service code (`jigyosho_130.csv`): the ones the directory cares about. */
export const MHLW_SERVICE_CODES: Record<string, string> = {
  '110': '訪問介護',
  '120': '訪問入浴介護',
  '130': '訪問看護',
  '140': '訪問リハビリテーション',
  '150': '通所介護',
  '155': '地域密着型通所介護',
  '160': '通所リハビリテーション',
  '210': '短期入所生活介護',
  '320': '認知症対応型共同生活介護',
  '430': '居宅介護支援',
  '510': '介護老人福祉施設',
  '520': '介護老人保健施設',
  '710': '定期巡回・随時対応型訪問介護看護',
  '760': '看護小規模多機能型居宅介護',
};

/** The service named by an MHLW file name, if any. */
export function serviceFromFileName(fileName: string): string | undefined {
  const code = /jigyosho_(\d{3})/i.exec(fileName)?.[1];
  return code ? MHLW_SERVICE_CODES[code] : undefined;
}

/** 医療機関の種類 as the standard writes it, for export. */
export function medicalKindLabel(type: FacilityType, beds: number | null | undefined): string {
  switch (type) {
    case 'hospital':
      return '病院';
    case 'dental_clinic':
      return '歯科診療所';
    case 'pharmacy':
      return '薬局';
    case 'clinic':
      return beds && beds > 0 ? '有床診療所' : '無床診療所';
    default:
      return '';
  }
}

/** 実施サービス written for a care facility whose file did not name one. */
export function defaultServiceLabel(type: FacilityType): string {
  switch (type) {
    case 'visiting_nurse_station':
      return '訪問看護';
    case 'care_management_office':
      return '居宅介護支援';
    case 'community_support_center':
      return '地域包括支援センター';
    default:
      return 'その他の介護サービス';
  }
}

/** 点数表 digit of a 10-digit 医療機関コード (1 医科, 3 歯科, 4 調剤, 6 訪問看護). */
export function feeScheduleDigit(type: FacilityType): string | undefined {
  switch (type) {
    case 'hospital':
    case 'clinic':
      return '1';
    case 'dental_clinic':
      return '3';
    case 'pharmacy':
      return '4';
    case 'visiting_nurse_station':
      return '6';
    default:
      return undefined;
  }
}
