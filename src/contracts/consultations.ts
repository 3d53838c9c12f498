import { z } from 'zod';
import { PageQuery, pageOf } from './page';

/**
 * The home-care consultation desk (在宅療養相談窓口) of each 包括 centre: one consultation per
 * person consulted about (実数), each contact about them (延数). The lists below are the single
 * source: the zod enums here, the workflow in the server module and the migration's CHECK
 * constraints (consultations-migration.test.ts compares them) all repeat these.
 */

/** open → following_up → closed; a closed consultation may be reopened when the person calls again. */
export const consultationStates = ['open', 'following_up', 'closed'] as const;
export const ConsultationStatus = z.enum(consultationStates);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

export const consultationEvents = ['follow_up', 'close', 'reopen'] as const;
export const ConsultationEvent = z.enum(consultationEvents);
export type ConsultationEvent = z.infer<typeof ConsultationEvent>;

/** 年齢区分 of the person consulted about (the Kashiwa centre reports by age band). */
export const ageBands = ['under_40', '40_64', '65_74', '75_84', '85_plus', 'unknown'] as const;
export const AgeBand = z.enum(ageBands);
export type AgeBand = z.infer<typeof AgeBand>;

/** Yes / no / unknown: whether the person lives in the ward, whether an institution is in it. */
export const triStates = ['yes', 'no', 'unknown'] as const;
export const TriState = z.enum(triStates);
export type TriState = z.infer<typeof TriState>;

/**
 * 制度のはざま (MISSION.md item 9): 困窮, 身元保証なし, 独居（おひとり様）, 障害, 精神. Countable, and
 * the reason a consultation is routed to one of the councils below.
 */
export const gapFlags = ['hardship', 'no_guarantor', 'living_alone', 'disability', 'mental_health'] as const;
export const GapFlag = z.enum(gapFlags);
export type GapFlag = z.infer<typeof GapFlag>;

/** 障害者自立支援協議会 / 精神保健医療福祉推進協議会 / another ward section (named in the note). */
export const routingTargets = ['disability_council', 'mental_health_council', 'ward_section'] as const;
export const RoutingTarget = z.enum(routingTargets);
export type RoutingTarget = z.infer<typeof RoutingTarget>;

/** 電話 / 来所 / 訪問 / メール / その他. */
export const contactChannels = ['phone', 'walk_in', 'home_visit', 'email', 'other'] as const;
export const ContactChannel = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof ContactChannel>;

/** 相談者: 本人 / 家族 / 医療機関 / 介護事業所・ケアマネ / 行政 / その他. */
export const consulterKinds = [
  'self',
  'family',
  'medical_institution',
  'care_provider',
  'government',
  'other',
] as const;
export const ConsulterKind = z.enum(consulterKinds);
export type ConsulterKind = z.infer<typeof ConsulterKind>;

/** How they heard of the desk: 区報・区HP / 区役所 / 医療機関 / ケアマネ / 知人 / その他. */
export const referralSources = [
  'ward_publication',
  'ward_office',
  'medical_institution',
  'care_manager',
  'acquaintance',
  'other',
] as const;
export const ReferralSource = z.enum(referralSources);
export type ReferralSource = z.infer<typeof ReferralSource>;

/** 相談内容: 在宅医療・訪問診療, 退院, 介護保険, 訪問看護, 歯科, 薬局, 費用, 看取り, その他. */
export const consultationTopics = [
  'home_medical_care',
  'discharge',
  'care_insurance',
  'visiting_nursing',
  'dental',
  'pharmacy',
  'cost',
  'end_of_life',
  'other',
] as const;
export const ConsultationTopic = z.enum(consultationTopics);
export type ConsultationTopic = z.infer<typeof ConsultationTopic>;

/** 対応: 情報提供 / 機関紹介 / 関係機関調整 / 訪問 / 継続. */
export const contactResponses = [
  'information',
  'introduction',
  'coordination',
  'visit',
  'continuing',
] as const;
export const ContactResponse = z.enum(contactResponses);
export type ContactResponse = z.infer<typeof ContactResponse>;

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);
/** A checked list: each value once, at least `min`. */
const Checked = <T extends z.ZodType<string>>(item: T, min: number) =>
  z
    .array(item)
    .min(min)
    .refine((values) => new Set(values).size === values.length, { message: 'each value once' });

// ---------------------------------------------------------------------------------------------
// Contacts (延数)

/** The medical institution that asked: a directory facility, or a typed name (often outside the ward). */
export const InstitutionBody = z
  .object({
    facilityId: Id.optional(),
    name: Text(200).optional(),
    /** For a typed name; a directory facility's is known from the directory. */
    inWard: TriState.default('unknown'),
  })
  .refine((i) => Boolean(i.facilityId) !== Boolean(i.name), { message: 'facilityId or name, one of them' });
export type InstitutionBody = z.infer<typeof InstitutionBody>;

export const ContactCreateBody = z
  .object({
    occurredAt: z.iso.datetime({ offset: true }),
    channel: ContactChannel,
    consulter: ConsulterKind,
    /** Only when a medical institution asked (`consulter: medical_institution`). */
    institution: InstitutionBody.optional(),
    referralSource: ReferralSource.optional(),
    topics: Checked(ConsultationTopic, 1),
    responses: Checked(ContactResponse, 1),
    summary: Text(2000),
    followUpOn: z.iso.date().optional(),
  })
  .refine((c) => !c.institution || c.consulter === 'medical_institution', {
    message: 'an institution only when a medical institution asked',
    path: ['institution'],
  });
export type ContactCreateBody = z.infer<typeof ContactCreateBody>;

export const ConsultationContact = z.object({
  id: Id,
  occurredAt: z.string(),
  channel: ContactChannel,
  consulter: ConsulterKind,
  institution: z.object({ facilityId: Id.nullable(), name: z.string(), inWard: TriState }).nullable(),
  referralSource: ReferralSource.nullable(),
  topics: z.array(ConsultationTopic),
  responses: z.array(ContactResponse),
  summary: z.string(),
  followUpOn: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type ConsultationContact = z.infer<typeof ConsultationContact>;

// ---------------------------------------------------------------------------------------------
// Consultations (実数)

/** The person consulted about; name and kana are optional (anonymous calls happen). */
export const SubjectBody = z.object({
  name: Text(100).optional(),
  kana: Text(100).optional(),
  ageBand: AgeBand.default('unknown'),
  /** A district (地区) code of the municipality's directory. */
  districtCode: Text(50).optional(),
  livesInWard: TriState.default('unknown'),
});
export type SubjectBody = z.infer<typeof SubjectBody>;

export const RoutingBody = z.object({
  target: RoutingTarget,
  /** Which section, or what was passed on. */
  note: Text(200).optional(),
});

export const ConsultationCreateBody = z.object({
  subject: SubjectBody,
  /** A registered patient the caller may reach (patients module's circle); optional. */
  patientId: Id.optional(),
  flags: Checked(GapFlag, 0).default([]),
  routedTo: RoutingBody.optional(),
  firstContact: ContactCreateBody,
});
export type ConsultationCreateBody = z.infer<typeof ConsultationCreateBody>;

/** Sets the はざま flags and the routing (replaces both; `routedTo: null` clears it). */
export const ConsultationFlagsBody = z.object({
  flags: Checked(GapFlag, 0),
  routedTo: RoutingBody.nullable(),
});
export type ConsultationFlagsBody = z.infer<typeof ConsultationFlagsBody>;

export const ConsultationTransitionBody = z.object({ event: ConsultationEvent });
export type ConsultationTransitionBody = z.infer<typeof ConsultationTransitionBody>;

export const ConsultationSummary = z.object({
  id: Id,
  status: ConsultationStatus,
  /** The window (包括 centre) that owns it. */
  organisationId: Id,
  subjectName: z.string().nullable(),
  subjectKana: z.string().nullable(),
  ageBand: AgeBand,
  districtCode: z.string().nullable(),
  livesInWard: TriState,
  patientId: Id.nullable(),
  flags: z.array(GapFlag),
  routedTo: z.object({ target: RoutingTarget, note: z.string().nullable() }).nullable(),
  firstContactAt: z.string(),
  lastContactAt: z.string(),
  contactCount: z.number().int(),
});
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;

export const ConsultationDetail = ConsultationSummary.extend({
  windowName: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Newest first. */
  contacts: z.array(ConsultationContact),
  /** What the caller may do now (the page's buttons). */
  events: z.array(ConsultationEvent),
});
export type ConsultationDetail = z.infer<typeof ConsultationDetail>;

export const ConsultationListQuery = PageQuery.extend({
  status: ConsultationStatus.optional(),
});
export type ConsultationListQuery = z.infer<typeof ConsultationListQuery>;
export const ConsultationPage = pageOf(ConsultationSummary);

// ---------------------------------------------------------------------------------------------
// Yearly figures (aggregates only: no name, no record)

/** Persons (実数: people with at least one contact in the period) and contacts (延数). */
export const PersonsContacts = z.object({ persons: z.number().int(), contacts: z.number().int() });
export type PersonsContacts = z.infer<typeof PersonsContacts>;

const counts = <T extends string>(keys: readonly [T, ...T[]]) => z.record(z.enum(keys), z.number().int());

export const ConsultationFiguresResponse = z.object({
  municipalityCode: z.string(),
  /** `window`: the caller's own centre(s); `ward`: every window of the municipality (ward admin). */
  scope: z.enum(['window', 'ward']),
  /** The 令和 year: 8 → 令和8年度 (2026-04..2027-03). */
  fiscalYear: z.number().int(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  months: z.array(PersonsContacts.extend({ month: z.string() })),
  /** The year: persons are counted once in the year, not the sum of the months. */
  total: PersonsContacts,
  byWindow: z.array(PersonsContacts.extend({ organisationId: z.string(), name: z.string() })),
  /** Contacts by who consulted. */
  byConsulter: counts(consulterKinds),
  /** Contacts from medical institutions, by whether the institution is in the ward. */
  medicalInstitutions: counts(triStates),
  /** Contacts by how they heard of the desk (where it was asked). */
  referralSources: counts(referralSources),
  /** Persons with each はざま flag. */
  flags: counts(gapFlags),
  /** Persons routed to each council or section. */
  routedTo: counts(routingTargets),
});
export type ConsultationFiguresResponse = z.infer<typeof ConsultationFiguresResponse>;
