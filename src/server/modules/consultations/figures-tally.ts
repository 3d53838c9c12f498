import type {
  ConsultationFiguresResponse,
  ConsulterKind,
  GapFlag,
  PersonsContacts,
  ReferralSource,
  RoutingTarget,
  TriState,
} from '../../../contracts/consultations';
import {
  consulterKinds,
  gapFlags,
  referralSources,
  routingTargets,
  triStates,
} from '../../../contracts/consultations';
import { tokyoMonth } from '../../platform/time/tokyo-calendar';

/** What the figures read of one contact (figures.queries.ts). */
export type FigureContact = {
  consultation_id: string;
  occurred_at: Date;
  consulter: ConsulterKind;
  institution_in_ward: TriState | null;
  referral_source: ReferralSource | null;
  organisation_id: string;
  gap_flags: GapFlag[];
  routed_to: RoutingTarget | null;
};

export type Tally = Omit<
  ConsultationFiguresResponse,
  'municipalityCode' | 'scope' | 'fiscalYear' | 'label' | 'from' | 'to'
>;

const zeros = <T extends string>(keys: readonly T[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

/** Counts persons and contacts once each: the same person in two months is one person in the year. */
class Counter {
  readonly persons = new Set<string>();
  contacts = 0;
  add(contact: FigureContact) {
    this.persons.add(contact.consultation_id);
    this.contacts++;
  }
  value(): PersonsContacts {
    return { persons: this.persons.size, contacts: this.contacts };
  }
}

/**
 * The year's tables from its contacts (pure: unit-tested). Persons (実数) are the consultations with
 * a contact in the period, counted once per row of the table; contacts (延数) every contact. Flags
 * and routing count persons; who consulted, medical institutions and referral sources count contacts.
 */
export function tallyFigures(
  contacts: readonly FigureContact[],
  months: readonly string[],
  windows: ReadonlyArray<{ id: string; name: string }>,
): Tally {
  const total = new Counter();
  const byMonth = new Map(months.map((m) => [m, new Counter()]));
  const byWindow = new Map(windows.map((w) => [w.id, new Counter()]));
  const byConsulter = zeros(consulterKinds);
  const medicalInstitutions = zeros(triStates);
  const sources = zeros(referralSources);
  const people = new Map<string, FigureContact>();
  for (const c of contacts) {
    total.add(c);
    byMonth.get(tokyoMonth(c.occurred_at))?.add(c);
    byWindow.get(c.organisation_id)?.add(c);
    byConsulter[c.consulter]++;
    if (c.consulter === 'medical_institution') medicalInstitutions[c.institution_in_ward ?? 'unknown']++;
    if (c.referral_source) sources[c.referral_source]++;
    people.set(c.consultation_id, c);
  }
  const flags = zeros(gapFlags);
  const routedTo = zeros(routingTargets);
  for (const person of people.values()) {
    for (const flag of new Set(person.gap_flags)) flags[flag]++;
    if (person.routed_to) routedTo[person.routed_to]++;
  }
  return {
    months: months.map((month) => ({ month, ...(byMonth.get(month) ?? new Counter()).value() })),
    total: total.value(),
    byWindow: windows
      .filter((w) => byWindow.has(w.id))
      .map((w) => ({ organisationId: w.id, name: w.name, ...(byWindow.get(w.id) ?? new Counter()).value() })),
    byConsulter,
    medicalInstitutions,
    referralSources: sources,
    flags,
    routedTo,
  };
}
