import { registerMessages } from '../../i18n/i18n';

const ja = {
  title: '在宅療養に関するデータ一覧',
  intro:
    '在宅療養推進協議会の資料です。事業ごとの数字を、年度（4月〜3月）ごとに前年度と並べて示します。数字ごとに期間または時点と出典を記載しています。個人が分かる情報は含みません。',
  fiscalYear: '年度',
  fiscalYearHint: '選んだ年度（当年度）と、その前の年度（前年度）を並べます。',
  print: '印刷する（A4縦）',
  csv: 'CSVをダウンロードする（Excel用）',
  csvHint: 'ダウンロードは監査ログに記録されます。',
  running:
    '{{label}}は年度の途中です。当年度の数字は {{to}} までの集計（資源の数は {{to}} 時点）で、増減は年度が終わってから表示します。',
  generated: '{{at}} 作成',
  item: '項目',
  previous: '前年度（{{label}}）',
  current: '当年度（{{label}}）',
  change: '増減',
  source: '出典：{{source}}',
  none: '—',
  pending: '集計準備中',
  pendingNote: '「集計準備中」の項目は、その記録の機能がこの自治体で使われ始めてから集計されます。',
  count: '{{value}}',
  percent: '{{value}}%',
  share: '（{{numerator}}/{{denominator}}）',
  hours: '{{value}}時間',
  changeValue: '{{sign}}{{value}}%',
  asOf: '{{date}}時点',
  period: '{{from}}〜{{to}}',
};

const en: typeof ja = {
  title: 'Home-care data list (council)',
  intro:
    'The papers of the Home-Care Promotion Council: each programme’s figures for a fiscal year (April–March) beside the year before, each with its period or as-of date and its source. No personal data.',
  fiscalYear: 'Fiscal year',
  fiscalYearHint: 'The chosen year (this year) is shown beside the year before it (last year).',
  print: 'Print (A4 portrait)',
  csv: 'Download CSV (for Excel)',
  csvHint: 'Downloads are recorded in the audit log.',
  running:
    '{{label}} is still running: its figures count up to {{to}} (resources as of {{to}}); the change is shown once the year has ended.',
  generated: 'Made {{at}}',
  item: 'Item',
  previous: 'Last year ({{label}})',
  current: 'This year ({{label}})',
  change: 'Change',
  source: 'Source: {{source}}',
  none: '—',
  pending: 'Not yet counted',
  pendingNote: 'Items “not yet counted” are counted once this municipality records what they need.',
  count: '{{value}}',
  percent: '{{value}}%',
  share: ' ({{numerator}}/{{denominator}})',
  hours: '{{value}} h',
  changeValue: '{{sign}}{{value}}%',
  asOf: 'as of {{date}}',
  period: '{{from}} – {{to}}',
};

registerMessages('council', { ja, en });
