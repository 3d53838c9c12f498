import { registerMessages } from '../../i18n/i18n';

// The case page's own words for documents: the web features never import each other's messages.
const ja = {
  title: 'この退院支援の文書',
  none: 'この退院支援の文書はまだありません。下のボタンから作成してください。',
  new: '{{kind}}を作成する',
  more: 'ほかの文書は患者のページにあります。',
  kinds: { nursing_summary: '看護サマリー', referral_letter: '紹介状', discharge_summary: '退院時サマリー' },
  status: { draft: '下書き', final: '確定', withdrawn: '取り下げ' },
  version: '第{{version}}版',
};

const en = {
  title: 'Documents of this discharge',
  none: 'No documents for this discharge yet. Write one with the buttons below.',
  new: 'Write a {{kind}}',
  more: 'Other documents are on the patient’s page.',
  kinds: {
    nursing_summary: 'nursing summary',
    referral_letter: 'referral letter',
    discharge_summary: 'discharge summary',
  },
  status: { draft: 'Draft', final: 'Final', withdrawn: 'Withdrawn' },
  version: 'version {{version}}',
};

registerMessages('caseDocuments', { ja, en });
