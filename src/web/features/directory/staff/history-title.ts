import type { FacilityHistoryEntry } from '../../../../contracts/directory';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Whether an entry of this source wrote a new version of the facility. A capacity update and a
 * 「内容に変更なし」 confirmation leave the version as it is (a pending change request started
 * from it stays approvable), so their entries carry the version they found: titled 第N版 they
 * read as a second 第N版.
 */
const WRITES_VERSION: Record<FacilityHistoryEntry['source'], boolean> = {
  create: true,
  editor: true,
  admin: true,
  import: true,
  capacity: false,
  confirm: false,
};

/** The heading of one history entry: 「第3版・区の担当者が変更」 or 「受け入れ状況の更新（第3版のまま）」. */
export function historyTitle(entry: Pick<FacilityHistoryEntry, 'source' | 'version'>, t: Translate): string {
  const source = t(`history.sources.${entry.source}`);
  return WRITES_VERSION[entry.source]
    ? `${t('history.version', { version: entry.version })}・${source}`
    : t('history.sameVersion', { source, version: entry.version });
}
