import { defineErrors } from './errors';

export const dischargeErrors = defineErrors({
  'discharge.invalid_transition': {
    status: 409,
    ja: 'この退院支援は今の状態ではその操作ができません。画面を再読み込みして、今の状態を確認してください。',
    en: 'This discharge case cannot make that move in its current state. Reload to see its state.',
  },
  'provider_change.invalid_transition': {
    status: 409,
    ja: 'この担当変更は今の状態ではその操作ができません。画面を再読み込みして、今の状態を確認してください。',
    en: 'This provider change cannot make that move in its current state. Reload to see its state.',
  },
  'notice.invalid_transition': {
    status: 409,
    ja: 'この通知はすでに回答済みか、期限切れです。画面を再読み込みしてください。',
    en: 'This notice was already answered or has expired. Reload the page.',
  },
  'notice.answer_required': {
    status: 409,
    ja: 'この通知には回答が必要です。「同意します」か「異議があります（理由）」を選んでください。',
    en: 'This notice needs your answer. Choose “I agree” or “I object (reason)”.',
  },
  'notice.link_invalid': {
    status: 404,
    ja: 'このリンクは使えません（すでに回答済みか、期限切れです）。FAX に書かれた病院の電話番号にお電話ください。',
    en: 'This link cannot be used (already answered or expired). Please call the hospital at the number on the FAX.',
  },
  'notice.not_fax': {
    status: 409,
    ja: 'この通知は FAX で送るものではありません（受け取り先は Zaitaku の受信箱で確認します）。',
    en: 'This notice does not go by FAX (its recipient reads it in the Zaitaku inbox).',
  },
  'continuity.consent_missing': {
    status: 409,
    ja: '本人または家族の同意が記録されていません。先に同意（いまの担当を続ける・併診の選択肢を示したこと）を記録してください。',
    en: 'No consent is recorded. Record the patient’s or family’s consent first (with keeping the current provider or sharing care offered).',
  },
  'continuity.incumbent_not_acknowledged': {
    status: 409,
    ja: '現在の担当者（かかりつけ医など）がまだ通知を確認していません。回答を待つか、期限を過ぎてエスカレーションされるまでお待ちください。',
    en: 'The current provider has not acknowledged the notice yet. Wait for the answer or for the escalation after the deadline.',
  },
  'continuity.override_reason_required': {
    status: 409,
    ja: '例外的に確定するには、理由の区分と、承認する2人目の職員（本人以外）のメールアドレスが必要です。両方を入力してください。',
    en: 'An override needs a reason code and a second staff member (not yourself) who approves it. Enter both.',
  },
  'continuity.consent_in_future': {
    status: 400,
    ja: '同意の日時が未来になっています。実際に同意を得た日時を入力してください。',
    en: 'The consent is dated in the future. Enter when it was actually given.',
  },
  'continuity.consent_already_recorded': {
    status: 409,
    ja: 'この担当変更の同意はすでに記録されています。内容を変える場合は、変更を取り下げて新しく提案してください。',
    en: 'Consent is already recorded for this change. Withdraw it and propose again to change it.',
  },
  'continuity.no_incumbent': {
    status: 409,
    ja: 'この役割には現在の担当者がいないため、通知先がありません。担当変更ではなく、新しい担当者の追加として登録してください。',
    en: 'Nobody holds this role now, so there is nobody to notify. Add the new provider instead.',
  },
  'continuity.change_open': {
    status: 409,
    ja: 'この患者のこの役割には、進行中の担当変更がすでにあります。そちらを完了するか取り下げてから提案してください。',
    en: 'This patient already has an open change for this role. Finish or withdraw it first.',
  },
  'discharge.case_open': {
    status: 409,
    ja: 'この患者にはすでに進行中の退院支援があります。一覧から開いて続けてください。',
    en: 'This patient already has an active discharge case. Open it from the list.',
  },
  'discharge.hospital_required': {
    status: 400,
    ja: '入院先の病院を選ぶか、病院名を入力してください。',
    en: 'Choose the hospital or enter its name.',
  },
  'discharge.discharge_before_admission': {
    status: 400,
    ja: '退院予定日が入院日より前になっています。入院日と同じ日か、それより後の日付を入力してください。',
    en: 'The expected discharge date is before the admission date. Enter the admission date or a later one.',
  },
  'discharge.merge_open_work': {
    status: 409,
    ja: '両方の記録に進行中の退院支援（同じ役割の担当変更や紹介を含む）があるため統合できません。どちらかを終了するか取り下げてから、もう一度統合してください。',
    en: 'Both records have discharge work in progress (a case, or a change or referral for the same role), so they cannot be merged. Close or withdraw one, then merge again.',
  },
});
