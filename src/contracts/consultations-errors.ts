import { defineErrors } from './errors';

/** The consultation desk's codes (consultations module). */
export const consultationsErrors = defineErrors({
  'consultations.not_found': {
    status: 404,
    ja: 'この相談記録は見つかりませんでした。相談記録は、受け付けた窓口（地域包括支援センター）の職員だけが見られます。',
    en: 'This consultation was not found. Only the staff of the window (community support centre) that took it can see it.',
  },
  'consultations.invalid_transition': {
    status: 409,
    ja: 'この相談は今の状態ではその操作ができません。画面を再読み込みして、今の状態を確認してください。',
    en: 'This consultation cannot make that move in its current state. Reload to see its state.',
  },
  'consultations.closed': {
    status: 409,
    ja: 'この相談は終了しています。対応を記録するには、先に「相談を再開する」を押してください。',
    en: 'This consultation is closed. Reopen it first to record a contact.',
  },
  'consultations.window_required': {
    status: 403,
    ja: '相談を記録できるのは、地域包括支援センターの在宅療養相談窓口の職員です。',
    en: 'Only staff of a community support centre’s home-care consultation window can record consultations.',
  },
  'consultations.district_unknown': {
    status: 400,
    ja: '選ばれた地区はこの自治体にありません。一覧から地区を選び直してください。',
    en: 'The district chosen is not one of this municipality’s. Choose a district from the list.',
  },
  'consultations.contact_in_future': {
    status: 400,
    ja: '対応日時が未来になっています。実際に対応した日時を入力してください。',
    en: 'The contact’s time is in the future. Enter when the contact took place.',
  },
});
