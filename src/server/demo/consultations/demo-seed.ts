import {
  type AgeBand,
  ageBands,
  type ConsultationTopic,
  type ConsulterKind,
  type ContactChannel,
  type ContactCreateBody,
  type ContactResponse,
  type GapFlag,
  type ReferralSource,
} from '../../../contracts/consultations';
import { fiscalYearOf } from '../../../contracts/japanese-calendar';
import {
  addConsultationContact,
  openConsultation,
  transitionConsultation,
} from '../../modules/consultations/consultation.service';
import type { ModuleDeps } from '../../platform/module';
import { demoContext } from '../demo-context';
import { insertDemoConsultation, listDemoDistricts, listDemoWindows } from './demo.queries';

const CENTER_EMAIL = 'center@demo.zaitaku.jp';

/** Hospitals outside the ward that call the desks (fictional). */
const OUTSIDE_HOSPITALS = [
  '架空世田谷中央病院（デモ）',
  '架空品川港南病院（デモ）',
  '架空渋谷けやき総合病院（デモ）',
  '架空大田臨海病院（デモ）',
];
const INSIDE_HOSPITALS = ['デモ目黒さくら病院（デモ）', '架空目黒中央病院（デモ）'];
const FAMILY_NAMES = [
  '青木',
  '石田',
  '上田',
  '遠藤',
  '大野',
  '加藤',
  '木村',
  '小林',
  '佐藤',
  '鈴木',
  '田中',
  '中村',
];
const GIVEN_NAMES = ['花子', '一郎', '和子', '正男', '幸子', '茂', '節子', '博'];
const SUMMARIES = [
  '退院後に訪問診療を受けられる医療機関を知りたい。区内の在宅療養支援診療所を案内した。',
  '介護保険の申請方法について。申請の流れと必要書類を説明した。',
  '一人暮らしで身元保証人がいない。退院調整について病院の連携室と相談した。',
  '訪問看護を利用したい。近くの訪問看護ステーションを紹介した。',
  '通院が難しくなった家族の歯科受診について。歯科医師会の紹介窓口を案内した。',
  '自宅での看取りについての不安。かかりつけ医と訪問看護の役割を説明し、継続して相談にのる。',
];

/** A small deterministic generator: the same demo every time. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

type Contact = ContactCreateBody;

/**
 * A few dozen fictional consultations over the previous and the current fiscal year: the demo
 * centre's (北部) through the module's own use cases, as its coordinator (so audit and access log
 * are as in real use); the other four centres' written directly, without an account (their demo
 * has no users: the ward-wide figures still have five windows to sum). Some callers are hospitals
 * outside the ward, some people are between systems (はざま). Idempotent: skipped when the
 * municipality already has consultations.
 */
export async function seedConsultationsDemo(
  deps: ModuleDeps,
  municipalityCode: string,
  log: (line: string) => void,
): Promise<void> {
  const existing = await deps.db
    .selectFrom('consultations')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const center = await demoContext(deps, municipalityCode, CENTER_EMAIL);
  if (!center) return;
  const ownWindow = center.actor.memberships.find((m) => m.role === 'center_staff')?.organisationId;
  const windows = await listDemoWindows(deps.db, municipalityCode);
  const districts = (await listDemoDistricts(deps.db, municipalityCode)).map((d) => d.code);
  const now = Date.now();
  // From April of the previous fiscal year until now.
  const start = new Date(`${fiscalYearOf(new Date(now)) - 1}-04-01T09:00:00+09:00`).getTime();
  const next = random(20_261_203);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const at = (t: number) => new Date(t).toISOString();

  const contactAt = (t: number, first: boolean): Contact => {
    const hospital = next() < 0.35;
    const outside = hospital && next() < 0.6;
    const consulter: ConsulterKind = hospital
      ? 'medical_institution'
      : pick<ConsulterKind>(['self', 'family', 'family', 'care_provider', 'government', 'other']);
    const topics = [...new Set([pick(TOPICS), pick(TOPICS)])];
    return {
      occurredAt: at(t),
      channel: pick<ContactChannel>(['phone', 'phone', 'phone', 'walk_in', 'home_visit', 'email']),
      consulter,
      institution: hospital
        ? { name: outside ? pick(OUTSIDE_HOSPITALS) : pick(INSIDE_HOSPITALS), inWard: outside ? 'no' : 'yes' }
        : undefined,
      referralSource: first ? pick(SOURCES) : undefined,
      topics,
      responses: [...new Set([pick(RESPONSES), pick(RESPONSES)])],
      summary: `${pick(SUMMARIES)}（架空・デモ）`,
    };
  };

  let persons = 0;
  let contacts = 0;
  for (const window of windows) {
    const count = window.id === ownWindow ? 24 : 8;
    for (let i = 0; i < count; i++) {
      const first = start + Math.floor(next() * (now - start - 20 * 86_400_000));
      const followUps = Math.floor(next() * 3);
      const times = [first, ...Array.from({ length: followUps }, (_, k) => first + (k + 1) * 4 * 86_400_000)];
      const flags = [...new Set(FLAGS.filter(() => next() < 0.12))];
      const ageBand: AgeBand = pick(ageBands);
      const anonymous = next() < 0.15;
      const subject = {
        name: anonymous ? undefined : `${pick(FAMILY_NAMES)} ${pick(GIVEN_NAMES)}（架空）`,
        ageBand,
        districtCode: districts.length ? pick(districts) : undefined,
        livesInWard: (next() < 0.9 ? 'yes' : 'unknown') as 'yes' | 'unknown',
      };
      const routedTo = flags.includes('mental_health')
        ? { target: 'mental_health_council' as const }
        : flags.includes('disability')
          ? { target: 'disability_council' as const }
          : undefined;
      const closed = (times.at(-1) ?? first) < now - 30 * 86_400_000;
      if (window.id === ownWindow) {
        const created = await openConsultation(deps, center, {
          subject,
          flags,
          routedTo,
          firstContact: contactAt(first, true),
        });
        for (const t of times.slice(1))
          await addConsultationContact(deps, center, created.id, contactAt(t, false));
        if (closed) await transitionConsultation(deps, center, created.id, { event: 'close' });
      } else {
        await insertDemoConsultation(deps.db, {
          municipalityCode,
          organisationId: window.id,
          subject,
          flags,
          routedTo: routedTo?.target ?? null,
          closed,
          contacts: times.map((t, k) => contactAt(t, k === 0)),
        });
      }
      persons++;
      contacts += times.length;
    }
  }
  log(`  consultations: 在宅療養相談 ${persons} 人・${contacts} 件（架空・デモ） / fictional consultations`);
}

const TOPICS: readonly ConsultationTopic[] = [
  'home_medical_care',
  'discharge',
  'care_insurance',
  'visiting_nursing',
  'dental',
  'pharmacy',
  'cost',
  'end_of_life',
];
const RESPONSES: readonly ContactResponse[] = [
  'information',
  'introduction',
  'coordination',
  'visit',
  'continuing',
];
const SOURCES: readonly ReferralSource[] = [
  'ward_publication',
  'ward_office',
  'medical_institution',
  'care_manager',
  'acquaintance',
];
const FLAGS: readonly GapFlag[] = ['hardship', 'no_guarantor', 'living_alone', 'disability', 'mental_health'];
