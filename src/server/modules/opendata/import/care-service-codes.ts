import { MHLW_SERVICE_CODES } from '../parse/facility-kinds';

const CODE_OF_LABEL = new Map(Object.entries(MHLW_SERVICE_CODES).map(([code, label]) => [label, code]));

/**
 * facilities.care_service_type holds the MHLW service code (130 訪問看護, 430 居宅介護支援) where
 * one exists, and the service's name otherwise (地域包括支援センター has no code).
 */
export function serviceCodeOf(label: string): string {
  return CODE_OF_LABEL.get(label) ?? label;
}

export function serviceLabelOf(stored: string): string {
  return MHLW_SERVICE_CODES[stored] ?? stored;
}
