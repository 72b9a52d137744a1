// Consent per purpose: pure rules over the append-only consent history of one record.
import { invalid } from '../shared/errors';

export const CONSENT_PURPOSES = ['services', 'sharing', 'proceedings', 'statistics'] as const;
export const CONSENT_STATES = ['given', 'refused', 'withdrawn'] as const;
export const CONSENT_RECORDED_HOW = ['signed_form', 'oral_witnessed', 'audio_recording', 'electronic'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentState = (typeof CONSENT_STATES)[number];
export type ConsentRecordedHow = (typeof CONSENT_RECORDED_HOW)[number];

export interface ConsentInput {
  purpose: ConsentPurpose;
  /** Sharing only: the named agency or provider. */
  recipient?: string | undefined;
  state: ConsentState;
  decidedOn: string;
  language: string;
  interpreterUsed: boolean;
  recordedHow: ConsentRecordedHow;
}

export interface ConsentEntry {
  id: string;
  purpose: string;
  recipient: string;
  state: string;
  decidedOn: string;
  createdAt: string;
}

export function normaliseRecipient(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function validateConsent(input: ConsentInput): ConsentInput & { recipient: string } {
  if (!(CONSENT_PURPOSES as readonly string[]).includes(input.purpose))
    throw invalid('consent_purpose_invalid', `Purpose must be one of: ${CONSENT_PURPOSES.join(', ')}.`);
  if (!(CONSENT_STATES as readonly string[]).includes(input.state))
    throw invalid('consent_state_invalid', 'State must be given, refused or withdrawn.');
  if (!(CONSENT_RECORDED_HOW as readonly string[]).includes(input.recordedHow))
    throw invalid('consent_recorded_how_invalid', `Say how consent was recorded: ${CONSENT_RECORDED_HOW.join(', ')}.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.decidedOn))
    throw invalid('consent_date_invalid', 'Write the date as YYYY-MM-DD.');
  if (!/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.language))
    throw invalid('consent_language_invalid', 'Give the language as a code such as sr, sq, mk or en.');
  const recipient = (input.recipient ?? '').trim();
  if (input.purpose === 'sharing' && recipient === '')
    throw invalid('consent_recipient_required', 'Consent to sharing is given for a named agency or provider: name it.');
  if (input.purpose !== 'sharing' && recipient !== '')
    throw invalid('consent_recipient_unexpected', 'Only consent to sharing names a recipient.');
  if (recipient.length > 200)
    throw invalid('consent_recipient_invalid', 'The recipient name is too long (200 characters at most).');
  return { ...input, recipient };
}

/** The latest decision per (purpose, recipient); later entries win (ties: later created). */
export function currentConsents(history: ConsentEntry[]): ConsentEntry[] {
  const latest = new Map<string, ConsentEntry>();
  const ordered = [...history].sort((a, b) => (a.decidedOn + a.createdAt).localeCompare(b.decidedOn + b.createdAt));
  for (const entry of ordered) latest.set(`${entry.purpose}|${normaliseRecipient(entry.recipient)}`, entry);
  return [...latest.values()];
}

/** Is there a current "given" for this purpose (and, for sharing, this recipient)? Returns the entry or null. */
export function consentFor(history: ConsentEntry[], purpose: ConsentPurpose, recipient = ''): ConsentEntry | null {
  const wanted = normaliseRecipient(recipient);
  const entry = currentConsents(history).find(
    (e) => e.purpose === purpose && normaliseRecipient(e.recipient) === wanted,
  );
  return entry && entry.state === 'given' ? entry : null;
}
