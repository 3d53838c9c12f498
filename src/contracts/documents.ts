import { z } from 'zod';
import { PageQuery, pageOf } from './page';

/**
 * Clinical documents of a patient (issue 14 item 7): 看護サマリー, 紹介状 and 退院時サマリー as
 * structured forms, versioned, with read receipts. One content schema per kind validates the JSON
 * column; the section lists below are the one source of the headings the form, the A4 view and the
 * FHIR export share. The state list feeds the workflow, the zod enum and the migration's CHECK.
 */

export const documentKinds = ['nursing_summary', 'referral_letter', 'discharge_summary'] as const;
export const DocumentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** draft (editable, seen by the author's organisation only) → final (shared, amended by new versions) → withdrawn. */
export const documentStates = ['draft', 'final', 'withdrawn'] as const;
export const DocumentStatus = z.enum(documentStates);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** What one version was saved as. */
export const versionStates = ['draft', 'final'] as const;
export const VersionStatus = z.enum(versionStates);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** The four grades of the MHLW example (様式例) for every ADL item. */
export const adlScores = ['independent', 'supervision', 'partial_assistance', 'full_assistance'] as const;
export const AdlScore = z.enum(adlScores);
export type AdlScore = z.infer<typeof AdlScore>;

/** The ADL items of the MHLW example, in its order (移動 indoor/outdoor, 移乗, 更衣, 起居, 整容, 入浴, 食事, 排尿, 排便). */
export const adlItems = [
  'mobilityIndoor',
  'mobilityOutdoor',
  'transfer',
  'dressing',
  'rising',
  'grooming',
  'bathing',
  'eating',
  'urination',
  'defecation',
] as const;
export type AdlItem = (typeof adlItems)[number];

/** The form's words for the ADL grid (the A4 view and the FHIR narrative say the same). */
export const adlItemLabels: Record<AdlItem, { ja: string; en: string }> = {
  mobilityIndoor: { ja: '移動（屋内）', en: 'Mobility indoors' },
  mobilityOutdoor: { ja: '移動（屋外）', en: 'Mobility outdoors' },
  transfer: { ja: '移乗', en: 'Transfer' },
  dressing: { ja: '更衣', en: 'Dressing' },
  rising: { ja: '起居', en: 'Getting up' },
  grooming: { ja: '整容', en: 'Grooming' },
  bathing: { ja: '入浴', en: 'Bathing' },
  eating: { ja: '食事', en: 'Eating' },
  urination: { ja: '排尿', en: 'Urination' },
  defecation: { ja: '排便', en: 'Defecation' },
};

export const adlScoreLabels: Record<AdlScore, { ja: string; en: string }> = {
  independent: { ja: '自立', en: 'Independent' },
  supervision: { ja: '見守り', en: 'Supervision' },
  partial_assistance: { ja: '一部介助', en: 'Partial assistance' },
  full_assistance: { ja: '全介助', en: 'Full assistance' },
};

const Note = z.string().trim().max(4000).default('');
const ShortNote = z.string().trim().max(200).default('');
const Required = (max: number) => z.string().trim().min(1).max(max);
const IsoDate = z.iso.date();
const Score = AdlScore.nullable().default(null);
/** A yes/no of the form that may be left unanswered. */
const YesNo = z.boolean().nullable().default(null);

export const AdlGrid = z.object({
  mobilityIndoor: Score,
  mobilityOutdoor: Score,
  transfer: Score,
  dressing: Score,
  rising: Score,
  grooming: Score,
  bathing: Score,
  eating: Score,
  urination: Score,
  defecation: Score,
});
export type AdlGrid = z.infer<typeof AdlGrid>;

/** Where the patient goes (退院先): the 奈良県看護協会 variants differ by destination. */
export const dischargeDestinations = ['home', 'care_facility', 'hospital'] as const;
export const DischargeDestination = z.enum(dischargeDestinations);
export type DischargeDestination = z.infer<typeof DischargeDestination>;

/** The form's words for 退院先 (the A4 view, the form and the FHIR export say the same). */
export const dischargeDestinationLabels: Record<DischargeDestination, { ja: string; en: string }> = {
  home: { ja: '自宅', en: 'Home' },
  care_facility: { ja: '介護施設', en: 'Care facility' },
  hospital: { ja: '病院（転院）', en: 'Hospital (transfer)' },
};

/** 看護サマリー on the headings of 別紙様式50 and the MHLW example items (research note F18–F19). */
export const NursingSummaryContent = z.object({
  /** 退院先: the 看護サマリー always names one (自宅 unless told otherwise). */
  destination: DischargeDestination.default('home'),
  admittedOn: IsoDate.nullable().default(null),
  dischargeOn: IsoDate.nullable().default(null),
  diagnosis: Note,
  paralysis: ShortNote,
  adl: AdlGrid.default(AdlGrid.parse({})),
  adlNote: Note,
  medicalProcedures: Note,
  medications: Note,
  skin: Note,
  pressureUlcer: YesNo,
  nutrition: Note,
  dietForm: ShortNote,
  thickening: YesNo,
  choking: YesNo,
  dentures: YesNo,
  oralCare: ShortNote,
  excretion: Note,
  sleep: Note,
  cognition: Note,
  caregiving: Note,
  allergies: Note,
  wishes: Note,
  continuingProblems: Note,
  careMethods: Note,
});
export type NursingSummaryContent = z.infer<typeof NursingSummaryContent>;

/** 紹介状 (診療情報提供書) in the JP-CLINS sections: 910 紹介先, 950 紹介目的, 340 傷病名・主訴, 360 現病歴. */
export const ReferralLetterContent = z.object({
  toInstitution: Required(200),
  toDoctor: ShortNote,
  purpose: Required(4000),
  diagnosis: Required(4000),
  presentIllness: Note,
  allergies: Note,
  remarks: Note,
});
export type ReferralLetterContent = z.infer<typeof ReferralLetterContent>;

/** 退院時サマリー in the JP-CLINS required sections, with the admission period. */
export const DischargeSummaryContent = z.object({
  admittedOn: IsoDate,
  dischargedOn: IsoDate,
  /** 退院先, when the summary says it (older versions do not). */
  destination: DischargeDestination.nullable().default(null),
  admissionDetails: Note,
  admissionDiagnosis: Required(4000),
  chiefComplaint: Note,
  admissionReason: Note,
  presentIllness: Note,
  hospitalCourse: Required(8000),
  dischargeDetails: Note,
  dischargeDiagnosis: Required(4000),
  dischargeMedications: Note,
  dischargePlan: Note,
  allergies: Note,
});
export type DischargeSummaryContent = z.infer<typeof DischargeSummaryContent>;

export const contentSchemas = {
  nursing_summary: NursingSummaryContent,
  referral_letter: ReferralLetterContent,
  discharge_summary: DischargeSummaryContent,
} as const;

export type DocumentContent = NursingSummaryContent | ReferralLetterContent | DischargeSummaryContent;

/** Every field of the three forms. */
export type DocumentField =
  | keyof NursingSummaryContent
  | keyof ReferralLetterContent
  | keyof DischargeSummaryContent;

/** The form's words for each field: the form, the A4 view and the FHIR narrative say the same. */
export const documentFieldLabels: Record<DocumentField, { ja: string; en: string }> = {
  destination: { ja: '退院先', en: 'Discharged to' },
  admittedOn: { ja: '入院日', en: 'Admitted on' },
  dischargeOn: { ja: '退院（予定）日', en: 'Discharge (expected) on' },
  dischargedOn: { ja: '退院日', en: 'Discharged on' },
  diagnosis: { ja: '診断名・入院の経過', en: 'Diagnosis and course' },
  paralysis: { ja: '麻痺', en: 'Paralysis' },
  adlNote: { ja: 'ADL の補足', en: 'ADL notes' },
  medicalProcedures: { ja: '医療処置・医療機器', en: 'Medical procedures and devices' },
  medications: { ja: '薬剤', en: 'Medications' },
  pressureUlcer: { ja: '褥瘡', en: 'Pressure ulcer' },
  skin: { ja: '皮膚の状態', en: 'Skin' },
  dietForm: { ja: '食形態（UDF 区分など）', en: 'Diet form (UDF grade)' },
  thickening: { ja: 'とろみ', en: 'Thickened liquids' },
  choking: { ja: 'むせ', en: 'Choking' },
  dentures: { ja: '義歯', en: 'Dentures' },
  oralCare: { ja: '口腔清潔', en: 'Oral care' },
  nutrition: { ja: '栄養・嚥下の補足', en: 'Nutrition and swallowing notes' },
  excretion: { ja: '排泄', en: 'Excretion' },
  sleep: { ja: '睡眠', en: 'Sleep' },
  cognition: { ja: '認知・精神', en: 'Cognition and mental state' },
  caregiving: { ja: '介護力', en: 'Care at home' },
  allergies: { ja: 'アレルギー', en: 'Allergies' },
  wishes: { ja: '本人・家族の希望', en: 'Wishes of the patient and family' },
  continuingProblems: { ja: '継続する看護上の問題', en: 'Continuing nursing problems' },
  careMethods: { ja: 'ケアの方法と留意点', en: 'How to give care, and cautions' },
  toInstitution: { ja: '紹介先の医療機関', en: 'Referred to (institution)' },
  toDoctor: { ja: '紹介先の医師', en: 'Referred to (doctor)' },
  purpose: { ja: '紹介目的', en: 'Purpose of referral' },
  presentIllness: { ja: '現病歴', en: 'History of present illness' },
  remarks: { ja: '備考', en: 'Remarks' },
  admissionDetails: { ja: '入院時の詳細', en: 'Admission details' },
  admissionDiagnosis: { ja: '入院時診断', en: 'Diagnosis on admission' },
  chiefComplaint: { ja: '主訴', en: 'Chief complaint' },
  admissionReason: { ja: '入院理由', en: 'Reason for admission' },
  hospitalCourse: { ja: '入院中の経過', en: 'Hospital course' },
  dischargeDetails: { ja: '退院時の詳細', en: 'Discharge details' },
  dischargeDiagnosis: { ja: '退院時診断', en: 'Diagnosis on discharge' },
  dischargeMedications: { ja: '退院時の投薬', en: 'Discharge medications' },
  dischargePlan: { ja: '退院後の方針', en: 'Plan after discharge' },
  adl: { ja: 'ADL', en: 'ADL' },
};

/**
 * A heading of a form: the content fields it shows and its code in the export. JP-CLINS codes for
 * the 紹介状 and 退院時サマリー; our own code system for the 看護サマリー (docs/fhir.md).
 */
export type SectionDef = { code: string; ja: string; en: string; fields: readonly string[] };

export const nursingSummarySections: readonly SectionDef[] = [
  {
    code: 'admission',
    ja: '入院の概要',
    en: 'Admission',
    fields: ['destination', 'admittedOn', 'dischargeOn', 'diagnosis'],
  },
  { code: 'adl', ja: 'ADL', en: 'Activities of daily living', fields: ['paralysis', 'adl', 'adlNote'] },
  {
    code: 'medical-procedures',
    ja: '医療処置・医療機器',
    en: 'Medical procedures and devices',
    fields: ['medicalProcedures'],
  },
  { code: 'medications', ja: '薬剤', en: 'Medications', fields: ['medications'] },
  { code: 'skin', ja: '皮膚・褥瘡', en: 'Skin and pressure ulcers', fields: ['pressureUlcer', 'skin'] },
  {
    code: 'nutrition',
    ja: '栄養・嚥下・食形態',
    en: 'Nutrition, swallowing, diet form',
    fields: ['dietForm', 'thickening', 'choking', 'dentures', 'oralCare', 'nutrition'],
  },
  { code: 'excretion', ja: '排泄', en: 'Excretion', fields: ['excretion'] },
  { code: 'sleep', ja: '睡眠', en: 'Sleep', fields: ['sleep'] },
  { code: 'cognition', ja: '認知・精神', en: 'Cognition and mental state', fields: ['cognition'] },
  { code: 'caregiving', ja: '介護力', en: 'Care at home', fields: ['caregiving'] },
  { code: 'allergies', ja: 'アレルギー', en: 'Allergies', fields: ['allergies'] },
  { code: 'wishes', ja: '本人・家族の希望', en: 'Wishes of the patient and family', fields: ['wishes'] },
  {
    code: 'continuing-problems',
    ja: '継続する看護上の問題',
    en: 'Continuing nursing problems',
    fields: ['continuingProblems'],
  },
  {
    code: 'care-methods',
    ja: 'ケアの方法と留意点',
    en: 'How to give care, and cautions',
    fields: ['careMethods'],
  },
];

export const referralLetterSections: readonly SectionDef[] = [
  { code: '910', ja: '紹介先', en: 'Referred to', fields: ['toInstitution', 'toDoctor'] },
  { code: '950', ja: '紹介目的', en: 'Purpose of referral', fields: ['purpose', 'remarks'] },
  { code: '340', ja: '傷病名・主訴', en: 'Diagnoses and chief complaint', fields: ['diagnosis'] },
  { code: '360', ja: '現病歴', en: 'History of present illness', fields: ['presentIllness'] },
  { code: '510', ja: 'アレルギー・不耐性反応', en: 'Allergies and intolerances', fields: ['allergies'] },
];

export const dischargeSummarySections: readonly SectionDef[] = [
  { code: '322', ja: '入院時詳細', en: 'Admission details', fields: ['admittedOn', 'admissionDetails'] },
  { code: '342', ja: '入院時診断', en: 'Diagnosis on admission', fields: ['admissionDiagnosis'] },
  { code: '352', ja: '主訴', en: 'Chief complaint', fields: ['chiefComplaint'] },
  { code: '312', ja: '入院理由', en: 'Reason for admission', fields: ['admissionReason'] },
  { code: '360', ja: '現病歴', en: 'History of present illness', fields: ['presentIllness'] },
  { code: '333', ja: '入院中経過', en: 'Hospital course', fields: ['hospitalCourse'] },
  {
    code: '324',
    ja: '退院時詳細',
    en: 'Discharge details',
    fields: ['dischargedOn', 'destination', 'dischargeDetails'],
  },
  { code: '344', ja: '退院時診断', en: 'Diagnosis on discharge', fields: ['dischargeDiagnosis'] },
  { code: '444', ja: '退院時投薬指示', en: 'Discharge medications', fields: ['dischargeMedications'] },
  { code: '424', ja: '退院時方針指示', en: 'Plan after discharge', fields: ['dischargePlan'] },
  { code: '510', ja: 'アレルギー・不耐性反応', en: 'Allergies and intolerances', fields: ['allergies'] },
];

export const sectionsOf: Record<DocumentKind, readonly SectionDef[]> = {
  nursing_summary: nursingSummarySections,
  referral_letter: referralLetterSections,
  discharge_summary: dischargeSummarySections,
};

export const DocumentCreateBody = z.object({
  patientId: z.uuid(),
  caseId: z.uuid().optional(),
  /** The provider change a 紹介状 belongs to: it cannot be issued before the change's consent. */
  providerChangeId: z.uuid().optional(),
  kind: DocumentKind,
  title: z.string().trim().max(200).optional(),
  /** Validated against the kind's content schema by the service. */
  content: z.record(z.string(), z.unknown()),
});
export type DocumentCreateBody = z.infer<typeof DocumentCreateBody>;

/** Every write names the version it was based on: another save meanwhile answers documents.version_conflict. */
export const DocumentSaveBody = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().max(200).optional(),
  content: z.record(z.string(), z.unknown()),
});
export type DocumentSaveBody = z.infer<typeof DocumentSaveBody>;

export const DocumentStepBody = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type DocumentStepBody = z.infer<typeof DocumentStepBody>;

export const DocumentAction = z.enum(['save', 'finalise', 'amend', 'withdraw']);
export type DocumentAction = z.infer<typeof DocumentAction>;

export const DocumentSummary = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  caseId: z.uuid().nullable(),
  providerChangeId: z.uuid().nullable(),
  kind: DocumentKind,
  title: z.string(),
  status: DocumentStatus,
  version: z.number().int(),
  authorOrganisationId: z.uuid(),
  authorOrganisationName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalisedAt: z.string().nullable(),
  /** Whether the caller's organisation wrote it (it sees drafts and receipts). */
  mine: z.boolean(),
  /** Readers of the latest version outside the author's organisation (author side only). */
  readCount: z.number().int().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentVersionDto = z.object({
  version: z.number().int(),
  status: VersionStatus,
  savedAt: z.string(),
  savedByName: z.string(),
});
export type DocumentVersionDto = z.infer<typeof DocumentVersionDto>;

export const ReadReceiptDto = z.object({
  version: z.number().int(),
  readerName: z.string(),
  organisationName: z.string().nullable(),
  readAt: z.string(),
});
export type ReadReceiptDto = z.infer<typeof ReadReceiptDto>;

/** The discharge case a document was written for, as its page names it (退院支援：病院（入院日）). */
export const DocumentCaseDto = z.object({ id: z.uuid(), hospitalName: z.string(), admittedOn: z.string() });
export type DocumentCaseDto = z.infer<typeof DocumentCaseDto>;

export const DocumentDetail = DocumentSummary.extend({
  /** The case of `caseId`, when the caller may open it (the case page's gate is the patient's); else null. */
  dischargeCase: DocumentCaseDto.nullable(),
  patientName: z.string(),
  patientKana: z.string(),
  patientBirthDate: z.string(),
  /** The version shown (the latest, or the one asked for with `?version=`). */
  shownVersion: z.number().int(),
  shownVersionStatus: VersionStatus,
  savedByName: z.string(),
  savedAt: z.string(),
  content: z.record(z.string(), z.unknown()),
  versions: z.array(DocumentVersionDto),
  /** Who read which version when: shown to the author's organisation only, otherwise null. */
  receipts: z.array(ReadReceiptDto).nullable(),
  actions: z.array(DocumentAction),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** A patient's documents; with `caseId`, only those written for that discharge case (the case page). */
export const DocumentListQuery = PageQuery.extend({ patientId: z.uuid(), caseId: z.uuid().optional() });
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentPage = pageOf(DocumentSummary);

export const DocumentVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
