// The protected field groups of a victim record and their fields. Field names follow the Human Trafficking Case
// Data Standard (HTCDS, github.com/UNMigration/HTCDS, "HTCDS Field Reference.md": prefixes prs_ = person,
// vic_ = person victim context) where the standard has one; names without a prefix are Trag's own.
import { invalid } from '../shared/errors';

export const FIELD_GROUPS = ['identity', 'origin', 'age', 'vulnerabilities', 'health', 'story', 'media'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export type FieldKind = 'text' | 'longtext' | 'date' | 'list' | 'boolean';

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  /** True when the name is taken from HTCDS. */
  htcds: boolean;
}

const f = (name: string, kind: FieldKind): FieldDefinition => ({ name, kind, htcds: /^(prs|vic)_/.test(name) });

export const FIELD_DEFINITIONS: Record<FieldGroup, readonly FieldDefinition[]> = {
  identity: [
    f('prs_FirstName', 'text'),
    f('prs_MiddleName', 'text'),
    f('prs_SecondName', 'text'),
    f('aliases', 'list'),
    f('prs_Birthdate', 'date'),
    f('prs_MobilePhone', 'text'),
    f('prs_Email', 'text'),
    f('prs_MailingStreet', 'text'),
    f('prs_MailingCity', 'text'),
    f('prs_MailingPostalCode', 'text'),
    f('prs_MailingCountry', 'text'),
    f('identityDocuments', 'longtext'),
  ],
  origin: [
    f('prs_Nationality', 'text'),
    f('placeOfBirth', 'text'),
    f('languages', 'list'),
    f('interpreterLanguage', 'text'),
  ],
  age: [
    f('ageEstimate', 'text'),
    f('isChild', 'boolean'),
    f('guardianAppointed', 'boolean'),
    f('guardianContact', 'text'),
  ],
  vulnerabilities: [f('vic_Vulnerabilities', 'list'), f('vic_DetailsOfVulnerabilities', 'longtext')],
  health: [f('healthNotes', 'longtext'), f('urgentMedicalNeeds', 'text'), f('medication', 'text')],
  story: [
    f('statement', 'longtext'),
    f('vic_MethodOfRecruitment', 'list'),
    f('vic_RecruitmentWebsitesAndApps', 'list'),
    f('vic_MethodsOfControl', 'list'),
    f('vic_TypeOfLabourExploitation', 'list'),
    f('vic_TypeOfSexExploitation', 'list'),
  ],
  media: [f('mediaReferences', 'list'), f('mediaNotes', 'longtext')],
};

export type GroupValues = Record<string, string | boolean | string[]>;

export function isFieldGroup(value: string): value is FieldGroup {
  return (FIELD_GROUPS as readonly string[]).includes(value);
}

const LIMITS: Record<FieldKind, number> = { text: 500, longtext: 20_000, date: 10, list: 50, boolean: 0 };

/** Checks one group's values against its definitions; returns a clean copy (empty strings and lists dropped). */
export function validateGroupValues(group: FieldGroup, values: Record<string, unknown>): GroupValues {
  const defs = new Map(FIELD_DEFINITIONS[group].map((d) => [d.name, d]));
  const out: GroupValues = {};
  for (const [name, value] of Object.entries(values)) {
    const def = defs.get(name);
    if (!def)
      throw invalid('victim_field_unknown', `The field "${name}" does not belong to the ${group} group.`, {
        group,
        field: name,
      });
    if (value === null || value === undefined) continue;
    const bad = () =>
      invalid('victim_field_invalid', `The field "${name}" must be ${describeKind(def.kind)}.`, { group, field: name });
    switch (def.kind) {
      case 'text':
      case 'longtext':
        if (typeof value !== 'string' || value.length > LIMITS[def.kind]) throw bad();
        if (value.trim() !== '') out[name] = value;
        break;
      case 'date':
        if (value === '') break;
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad();
        out[name] = value;
        break;
      case 'list':
        if (
          !Array.isArray(value) ||
          value.length > LIMITS.list ||
          value.some((v) => typeof v !== 'string' || v.length > 500)
        )
          throw bad();
        if (value.length > 0) out[name] = value as string[];
        break;
      case 'boolean':
        if (typeof value !== 'boolean') throw bad();
        out[name] = value;
        break;
    }
  }
  return out;
}

function describeKind(kind: FieldKind): string {
  switch (kind) {
    case 'text':
      return 'text of at most 500 characters';
    case 'longtext':
      return 'text of at most 20,000 characters';
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'list':
      return 'a list of at most 50 short texts';
    case 'boolean':
      return 'true or false';
  }
}

// Non-identifying classification, stored in clear for statistics and visible to every case member.
export const GENDERS = ['Male', 'Female', 'TransgenderNonConforming', 'Unknown'] as const; // HTCDS prs_Gender values
export const AGE_BANDS = ['0-11', '12-17', '18-24', '25-34', '35-49', '50+', 'unknown'] as const;
export const EXPLOITATION_TYPES = [
  'sexual',
  'labour',
  'forced_criminality',
  'begging',
  'forced_marriage',
  'organ_removal',
  'other',
] as const;
/** HTCDS vic_MethodOfRecruitment values (spaces removed), plus Unknown. */
export const RECRUITMENT_METHODS = [
  'Abduction',
  'EducationalFacility',
  'Familial',
  'Internet',
  'InternationalMarriageBroker',
  'IntimatePartnerOrMarriageProposition',
  'JobOfferOrAdvertisement',
  'PosingAsBenefactor',
  'PublicArea',
  'OfferOfAccommodation',
  'Shelter',
  'SmugglingRansom',
  'Work',
  'Other',
  'Unknown',
] as const;
export const VICTIM_STATUSES = ['presumed', 'identified', 'not_victim'] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];

export interface Classification {
  gender: (typeof GENDERS)[number];
  ageBand: (typeof AGE_BANDS)[number];
  isChild: boolean;
  /** ISO 3166-1 alpha-2, XX when unknown */
  nationality: string;
  exploitationTypes: (typeof EXPLOITATION_TYPES)[number][];
  recruitmentMethod: (typeof RECRUITMENT_METHODS)[number];
}

export function validateClassification(c: Classification): Classification {
  const oneOf = <T extends string>(list: readonly T[], v: string, field: string): T => {
    if (!(list as readonly string[]).includes(v))
      throw invalid('victim_classification_invalid', `"${field}" must be one of: ${list.join(', ')}.`, { field });
    return v as T;
  };
  if (!/^[A-Z]{2}$/.test(c.nationality))
    throw invalid('victim_classification_invalid', 'Nationality must be a two-letter country code (XX when unknown).', {
      field: 'nationality',
    });
  const isChild = c.isChild || c.ageBand === '0-11' || c.ageBand === '12-17';
  return {
    gender: oneOf(GENDERS, c.gender, 'gender'),
    ageBand: oneOf(AGE_BANDS, c.ageBand, 'ageBand'),
    isChild,
    nationality: c.nationality,
    exploitationTypes: [
      ...new Set(c.exploitationTypes.map((t) => oneOf(EXPLOITATION_TYPES, t, 'exploitationTypes'))),
    ].sort(),
    recruitmentMethod: oneOf(RECRUITMENT_METHODS, c.recruitmentMethod, 'recruitmentMethod'),
  };
}
