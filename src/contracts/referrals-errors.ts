import { defineErrors } from './errors';

/** Refusals of the referral workflow (issue 14 item 6); the gate reuses continuity.consent_missing. */
export const referralsErrors = defineErrors({
  'referrals.invalid_transition': {
    status: 409,
    ja: 'この紹介は今の状態ではその操作ができません。画面を再読み込みして、今の状態を確認してください。',
    en: 'This referral cannot make that move in its current state. Reload to see its state.',
  },
  'referrals.not_found': {
    status: 404,
    ja: 'この紹介は見つかりませんでした。紹介の一覧から選んでください。',
    en: 'This referral was not found. Choose one from the list.',
  },
  'referrals.reason_required': {
    status: 400,
    ja: 'お断り・取り消し・不成立には理由が必要です。理由を入力してください。',
    en: 'Declining, cancelling or marking a referral failed needs a reason. Enter one.',
  },
  'referrals.unknown_recipient': {
    status: 400,
    ja: '紹介先が見つかりません。施設検索から紹介先を選び直してください。',
    en: 'The recipient was not found. Choose it again from the directory.',
  },
  'referrals.change_required': {
    status: 409,
    ja: 'この役割には現在の担当者がいます。担当を替える紹介は、先に担当変更を提案し、本人・家族の同意を記録してから作成してください。',
    en: 'Someone holds this role now. Propose a provider change and record the consent first, then refer from that change.',
  },
  'referrals.change_closed': {
    status: 409,
    ja: 'この担当変更は取り下げられたか、いまの担当を続けることになりました。紹介は作成できません。',
    en: 'This provider change was withdrawn or the current provider is kept, so no referral can be made for it.',
  },
  'referrals.already_open': {
    status: 409,
    ja: 'この紹介先には、この患者の同じ役割の紹介がすでに進行中です。一覧の紹介を開いて続けてください。',
    en: 'An open referral of this patient for this role already goes to this recipient. Open it from the list.',
  },
  'referrals.not_association': {
    status: 409,
    ja: '担当者の指名は、歯科医師会などの紹介窓口あての紹介でだけできます。',
    en: 'Only a referral to an association’s desk can name the provider.',
  },
});
