// Reference data besides the rule packs: facts the checks need that no edition owns (the bank
// holiday calendar). The CLI reads and validates the files; the core receives the values.
import type { BankHolidayCalendar } from './calendar.js';
import type { InferenceRules } from './inference-rules.js';

export interface ReferenceData {
  /** Bank holidays of England and Wales (rules/bank-holidays-england-and-wales.yaml). */
  bankHolidays?: BankHolidayCalendar;
  /** How kind and edition are told from the text when nothing states them (rules/inference.yaml). */
  inference?: InferenceRules;
}
