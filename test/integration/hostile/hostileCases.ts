import { BACK_OFFICE_CASES } from './backOfficeCases';
import { BROWSE_CASES } from './browseCases';
import { DOCUMENT_CASES } from './documentCases';
import type { HostileCase } from './hostileRequest';
import { HUGE_STRING_CASES, NUMBER_CASES, TOKEN_CASES, UNICODE_CASES } from './inputCases';
import { CSRF_CASES, TRANSPORT_CASES } from './transportCases';

/** Every hostile request, in the order the suite sends them. */
export const HOSTILE_CASES: HostileCase[] = [
  ...TRANSPORT_CASES,
  ...CSRF_CASES,
  ...DOCUMENT_CASES,
  ...NUMBER_CASES,
  ...HUGE_STRING_CASES,
  ...UNICODE_CASES,
  ...TOKEN_CASES,
  ...BACK_OFFICE_CASES,
  ...BROWSE_CASES,
];
