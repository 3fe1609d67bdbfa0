import { MAX_PROMOTION_CODE_LENGTH, type PromotionChanges } from '../datasources/PromotionStore';
import type { PromotionKind, PromotionRecord } from '../datasources/models';
import { badUserInput, clientError, ErrorCode } from '../shared/errors';
import { MAX_AMOUNT } from './pricing';
import type { Promotions } from './ports';
import { MAX_PROMOTION_VALUE } from './promotions';

/**
 * The staff's promotion codes: every term is checked before anything is written, and each change
 * is one conditional write (PromotionStore), so a refused one changes nothing. The caller is
 * known to be staff (resolvers/caller.ts).
 */
export interface PromotionInput {
  code: string;
  kind: PromotionKind;
  value: number;
  minimumSubtotal?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  active?: boolean | null;
}

export type PromotionUpdateInput = Partial<{
  [Field in keyof Omit<PromotionInput, 'code'>]: PromotionInput[Field] | null;
}>;

const CODE = /^[A-Z0-9_-]+$/;

export async function createPromotion(
  stores: { promotions: Pick<Promotions, 'create'> },
  input: PromotionInput,
): Promise<PromotionRecord> {
  const code = input.code.trim().toUpperCase();
  if (code.length < 1 || code.length > MAX_PROMOTION_CODE_LENGTH || !CODE.test(code)) {
    throw badUserInput(`code must be 1 to ${MAX_PROMOTION_CODE_LENGTH} letters, digits, "-" or "_"`, {
      field: 'code',
    });
  }
  const promotion: PromotionRecord = {
    code,
    kind: input.kind,
    value: checkedValue(input.kind, input.value),
    ...optionalTerms(input),
    timesUsed: 0,
    active: input.active ?? true,
  };
  checkPeriod(promotion);
  const created = await stores.promotions.create(promotion);
  if (!created)
    throw clientError(ErrorCode.Conflict, `The code ${code} already exists`, { field: 'code', code });
  return created;
}

/** Absent fields stay; `null` clears an optional term and is refused for `kind`, `value`, `active`. */
export async function updatePromotion(
  stores: { promotions: Pick<Promotions, 'getLatestByCode' | 'update'> },
  code: string,
  input: PromotionUpdateInput,
): Promise<PromotionRecord> {
  for (const field of ['kind', 'value', 'active'] as const) {
    if (input[field] === null) throw badUserInput(`${field} cannot be cleared`, { field });
  }
  // Consistent: the change is checked against what it replaces.
  const current = await stores.promotions.getLatestByCode(code);
  if (!current) throw clientError(ErrorCode.NotFound, 'No promotion has that code', { field: 'code' });
  const kind = input.kind ?? current.kind;
  // A new kind needs a value of its own: 20 % is not 20 cents.
  if ((input.value === undefined || input.value === null) && kind !== current.kind) {
    throw badUserInput(`A ${kind} code needs a value of its own`, { field: 'value' });
  }
  // Kind and value are always written: a code stored before kinds holds only `percentage`, which
  // the write replaces by them.
  const changes: PromotionChanges = { kind, value: checkedValue(kind, input.value ?? current.value) };
  if (input.active !== undefined && input.active !== null) changes.active = input.active;
  const terms = optionalTerms(input);
  for (const field of ['minimumSubtotal', 'startsAt', 'endsAt', 'usageLimit'] as const) {
    if (input[field] !== undefined) Object.assign(changes, { [field]: terms[field] ?? null });
  }
  checkPeriod(applied(current, changes));
  const updated = await stores.promotions.update(current.code, changes, current.kind);
  if (!updated) {
    throw clientError(ErrorCode.Conflict, 'The promotion changed meanwhile; read it again', {
      field: 'code',
      retryable: true,
    });
  }
  return updated;
}

function checkedValue(kind: PromotionKind, value: number): number {
  const max = MAX_PROMOTION_VALUE[kind];
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(
      kind === 'PERCENTAGE'
        ? `value must be a whole percentage from 1 to ${max}`
        : `value must be a whole number of cents from 1 to ${max}`,
      { field: 'value' },
    );
  }
  return value;
}

type OptionalTerms = Pick<PromotionRecord, 'minimumSubtotal' | 'startsAt' | 'endsAt' | 'usageLimit'>;

/** The optional terms that are given, each checked; null and absent both mean "none". */
function optionalTerms(input: PromotionUpdateInput): OptionalTerms {
  const terms: OptionalTerms = {};
  if (input.minimumSubtotal !== undefined && input.minimumSubtotal !== null) {
    if (
      !Number.isInteger(input.minimumSubtotal) ||
      input.minimumSubtotal < 0 ||
      input.minimumSubtotal > MAX_AMOUNT
    ) {
      throw badUserInput(`minimumSubtotal must be a whole number of cents from 0 to ${MAX_AMOUNT}`, {
        field: 'minimumSubtotal',
      });
    }
    terms.minimumSubtotal = input.minimumSubtotal;
  }
  for (const field of ['startsAt', 'endsAt'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null) terms[field] = instant(field, value);
  }
  if (input.usageLimit !== undefined && input.usageLimit !== null) {
    if (!Number.isInteger(input.usageLimit) || input.usageLimit < 1) {
      throw badUserInput('usageLimit must be a whole number of 1 or more', { field: 'usageLimit' });
    }
    terms.usageLimit = input.usageLimit;
  }
  return terms;
}

/** ISO 8601 with a date, a time and an offset (Z or ±hh:mm), stored as UTC. */
function instant(field: string, value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  const parts = iso.exec(value);
  const time = parts ? Date.parse(value) : Number.NaN;
  // Date.parse rolls 2026-02-30 over to 2 March: a day the month does not have is refused.
  const [year, month, day] = parts ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : [0, 0, 0];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (Number.isNaN(time) || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw badUserInput(
      `${field} must be an ISO 8601 date and time with its offset, e.g. 2026-12-01T00:00:00Z`,
      {
        field,
      },
    );
  }
  return new Date(time).toISOString();
}

function checkPeriod({ startsAt, endsAt }: Pick<PromotionRecord, 'startsAt' | 'endsAt'>): void {
  if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
    throw badUserInput('endsAt must be after startsAt', { field: 'endsAt' });
  }
}

/** The promotion as it will be once `changes` are written: `null` removes a term. */
function applied(current: PromotionRecord, changes: PromotionChanges): PromotionRecord {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as unknown as PromotionRecord;
}
