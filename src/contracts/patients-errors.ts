import { defineErrors } from './errors';

// ---------------------------------------------------------------------------------------------
// Errors

export const patientsErrors = defineErrors({
  'patients.not_found': {
    status: 404,
    ja: 'この患者の情報は見つかりませんでした。担当している患者の一覧から選んでください。',
    en: 'This patient was not found. Choose one from your patient list.',
  },
  'patients.unknown_town': {
    status: 400,
    ja: '住所の町丁が区の町丁一覧にありません。一覧から選んでください。',
    en: 'The town is not in the municipality’s town list. Choose one from the list.',
  },
  'patients.unknown_facility': {
    status: 400,
    ja: '指定された施設が見つかりません。施設検索から選び直してください。',
    en: 'The facility was not found. Choose it again from the directory.',
  },
  'patients.unknown_organisation': {
    status: 400,
    ja: '指定された組織が見つかりません。組織を選び直してください。',
    en: 'The organisation was not found. Choose it again.',
  },
  'patients.member_not_found': {
    status: 404,
    ja: 'この支援者の登録は見つかりませんでした。画面を再読み込みしてください。',
    en: 'This circle membership was not found. Reload the page.',
  },
  'patients.member_already_ended': {
    status: 409,
    ja: 'この支援者の登録はすでに終了しています。画面を再読み込みしてください。',
    en: 'This membership has already ended. Reload the page.',
  },
  'patients.member_duplicate': {
    status: 409,
    ja: 'この施設はすでに同じ役割で登録されています。登録済みの内容を確認してください。',
    en: 'This facility already holds this role for the patient.',
  },
  'patients.date_in_future': {
    status: 400,
    ja: '開始日・終了日に未来の日時は指定できません。今日までの日時を入力してください。',
    en: 'The date cannot be in the future.',
  },
  'patients.date_before_start': {
    status: 400,
    ja: '終了日が開始日より前になっています。開始日以降の日時を入力してください。',
    en: 'The end is before the start of the membership.',
  },
  'patients.break_glass_read_only': {
    status: 403,
    ja: '緊急閲覧では患者の情報を変更できません。担当の医療機関・包括支援センターに依頼してください。',
    en: 'Emergency access is read-only. Ask the patient’s care team to make the change.',
  },
  'patients.merge_same': {
    status: 400,
    ja: '同じ患者どうしは統合できません。統合する2件を選んでください。',
    en: 'Choose two different patients to merge.',
  },
  'patients.merge_not_duplicate': {
    status: 409,
    ja: 'この2件はカナ氏名と生年月日が一致しないため統合できません。内容を確認してください。',
    en: 'These records do not share kana name and birth date, so they cannot be merged.',
  },
  'patients.already_merged': {
    status: 409,
    ja: 'この患者はすでに統合されています。統合先の患者を開いてください。',
    en: 'This patient was already merged. Open the record it was merged into.',
  },
});
