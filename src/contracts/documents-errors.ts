import { defineErrors } from './errors';

export const documentsErrors = defineErrors({
  'documents.invalid_transition': {
    status: 409,
    ja: 'この文書は今の状態ではその操作ができません。画面を再読み込みして、今の状態を確認してください。',
    en: 'This document cannot make that move in its current state. Reload to see its state.',
  },
  'documents.version_conflict': {
    status: 409,
    ja: 'この文書は、開いている間にほかの人が保存しました。画面を再読み込みして最新の版を確かめ、必要なら入力し直してください。',
    en: 'Someone saved this document while you had it open. Reload to see the latest version and enter your changes again.',
  },
  'documents.not_final': {
    status: 409,
    ja: '下書きの文書は出力できません。内容を確定してから、もう一度出力してください。',
    en: 'A draft cannot be exported. Finalise the document first.',
  },
  'documents.content_invalid': {
    status: 400,
    ja: '文書の内容に誤りがあります。表示された項目を確認して、もう一度保存してください。',
    en: 'The document’s content is not valid. Check the highlighted fields and save again.',
  },
  'documents.link_invalid': {
    status: 400,
    ja: '選んだ退院支援または担当変更は、この患者のものではありません。患者の画面から選び直してください。',
    en: 'The chosen discharge case or provider change is not this patient’s. Choose it again from the patient’s page.',
  },
});
