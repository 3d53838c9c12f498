import type { Messages } from '../../../i18n/i18n';

/*
 * Words of the comparison of up to five facilities (part of the directory's messages, see
 * directory.messages.ts). A discharge nurse choosing between candidates reads it; plain Japanese.
 */
const ja = {
  compare: {
    pick: '比べる',
    pickFull: '比べられるのは{{max}}件までです。ほかの施設を外すと選べます。',
    barLabel: '比べる施設',
    chosen: '比べる施設：{{count}}件（{{max}}件まで）',
    needTwo: 'もう1件以上選ぶと、並べて比べられます。',
    open: '選んだ施設を並べて比べる',
    clear: '選んだ施設をすべて外す',
    title: '施設を並べて比べる',
    lead: '選んだ施設の基本情報とできることを並べています。日付は、その項目をいつ・だれが確認したかです。',
    empty: '比べる施設が選ばれていません。検索結果で「比べる」にチェックを入れてください。',
    notFound: '見つからない施設がありました（削除されたか、リンクが古い可能性があります）。',
    back: '検索結果に戻る',
    print: '印刷する（A4横）',
    tableLabel: '施設の比較表',
    scrollHint: '表は横にスクロールできます。',
    item: '項目',
    type: '種類',
    district: '地区',
    address: '住所',
    phone: '電話',
    capacity: '受け入れ状況',
    basicsConfirmed: '基本情報の確認',
    capabilities: 'できること',
    yes: '○ あり',
    no: '— 登録なし',
    noCapacity: '情報なし',
    remove: '比較から外す',
    removed: '「{{name}}」を比較から外しました。',
  },
} as const;

const en: Messages<typeof ja> = {
  compare: {
    pick: 'Compare',
    pickFull: 'Up to {{max}} facilities can be compared. Remove one to choose another.',
    barLabel: 'Facilities to compare',
    chosen: 'To compare: {{count}} (up to {{max}})',
    needTwo: 'Choose at least one more to compare side by side.',
    open: 'Compare the chosen facilities side by side',
    clear: 'Remove all chosen facilities',
    title: 'Compare facilities side by side',
    lead: 'The basic data and services of the chosen facilities. Each date says when and by whom the item was confirmed.',
    empty: 'No facility is chosen. Tick “Compare” in the search results.',
    notFound: 'Some facilities were not found (removed, or the link is old).',
    back: 'Back to results',
    print: 'Print (A4 landscape)',
    tableLabel: 'Comparison of facilities',
    scrollHint: 'The table scrolls sideways.',
    item: 'Item',
    type: 'Type',
    district: 'District',
    address: 'Address',
    phone: 'Phone',
    capacity: 'Capacity',
    basicsConfirmed: 'Basic data confirmed',
    capabilities: 'What they can do',
    yes: '○ Yes',
    no: '— Not listed',
    noCapacity: 'No information',
    remove: 'Remove from comparison',
    removed: '“{{name}}” was removed from the comparison.',
  },
};

export const compareMessages = { ja, en };
