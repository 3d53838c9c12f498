import { defineErrors } from './errors';

/** Error codes of `zaitaku audit`; answered on the command line, placed in docs/errors.md by status. */
export const auditErrors = defineErrors({
  'audit.anchor_invalid': {
    status: 400,
    ja: '監査ログのアンカーファイルを確認できません。zaitaku audit anchor またはバックアップで作成した、変更されていないファイルを、作成時と同じ AUDIT_HMAC_KEY で指定してください。',
    en: 'The audit anchor file cannot be checked. Give an unchanged file written by `zaitaku audit anchor` or a backup, with the AUDIT_HMAC_KEY it was written under.',
  },
});
