/*
 * Names of the kinds of error a reader can report: the facility page offers them, the staff
 * review queue shows them. One wording for both, so staff see what the reader chose.
 */
export const reportCategories = {
  ja: {
    phone: '電話番号・FAX',
    address: '住所・地図の場所',
    hours: '受付時間',
    closed: '閉院・休止している',
    capabilities: 'できること・受け入れ状況',
    other: 'その他',
  },
  en: {
    phone: 'Phone or fax',
    address: 'Address or map position',
    hours: 'Opening hours',
    closed: 'Closed or suspended',
    capabilities: 'Services or capacity',
    other: 'Other',
  },
} as const;
