import { defineErrors } from './errors';

/** Error codes of `zaitaku audit`; answered on the command line, placed in docs/errors.md by status. */
export const auditErrors = defineErrors({
  'audit.anchor_invalid': {
    status: 400,
    ja: 'アンカーファイルを確認できません。zaitaku audit anchor で作成した変更のないファイルを、作成時と同じ AUDIT_HMAC_KEY で指定してください。',
    en: 'The anchor file cannot be checked. Give an unchanged anchor under the AUDIT_HMAC_KEY it was written with.',
  },
});
