import { defineErrors } from './errors';

/**
 * Error codes of `zaitaku backup` and `zaitaku restore`. They are answered on the command line,
 * not over HTTP; the status only places them in docs/errors.md beside the API codes.
 */
export const backupErrors = defineErrors({
  'backup.invalid_file': {
    status: 400,
    ja: 'バックアップファイルを読み取れません。zaitaku backup で作成したファイル（.jsonl.gz）を、壊れていない状態で指定してください。',
    en: 'The backup file cannot be read. Give an intact file written by `zaitaku backup`.',
  },
  'backup.target_not_empty': {
    status: 409,
    ja: '復元先のデータベースにはすでにデータがあります。新しい DATA_DIR か空のデータベースを指定するか、上書きしてよい場合は --force を付けてください。',
    en: 'The target database already holds data. Use a new DATA_DIR or an empty database, or add --force to replace it.',
  },
  'backup.version_mismatch': {
    status: 409,
    ja: 'バックアップと復元先のデータベースの版が合いません。バックアップを作成した版以降の Zaitaku で、新しい DATA_DIR か空のデータベースに復元してください。',
    en: 'The backup and the target database are at different versions. Restore with this or a later Zaitaku into a new DATA_DIR or an empty database.',
  },
  'backup.schema_mismatch': {
    status: 409,
    ja: 'バックアップに含まれる表や列が復元先のデータベースにありません。バックアップを作成したときと同じ構成の Zaitaku で復元してください。',
    en: 'A table or column of the backup is missing in the target database. Restore with the same Zaitaku setup that made the backup.',
  },
  'backup.key_required': {
    status: 400,
    ja: 'バックアップの暗号鍵がありません。BACKUP_ENCRYPTION_KEY（32文字以上）を設定するか --key-file で鍵ファイルを指定してください。',
    en: 'No backup encryption key. Set BACKUP_ENCRYPTION_KEY (at least 32 characters) or give --key-file.',
  },
  'backup.authentication_failed': {
    status: 400,
    ja: 'バックアップを認証できません（鍵の違いか、ファイルの変更・破損）。何も復元していません。作成時の鍵と変更のないファイルを指定してください。',
    en: 'The backup does not authenticate (wrong key, or a changed file). Nothing was restored. Give its key and an unchanged file.',
  },
  'backup.unencrypted': {
    status: 400,
    ja: 'このバックアップは暗号化されていません（旧形式）。信頼できるファイルであることを確かめてから --allow-unencrypted を付けて復元してください。',
    en: 'This backup is not encrypted (old format). If you trust the file, restore it with --allow-unencrypted.',
  },
});
