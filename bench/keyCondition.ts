import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The key conditions DynamoDB's Query accepts, for the benchmark's fixture DynamoDB
 * (bench/fixtureDynamo.ts): an equality on the partition key, optionally `AND` one condition on
 * the sort key — `=`, `<`, `<=`, `>`, `>=`, `BETWEEN :a AND :b` or `begins_with(#key, :prefix)`.
 * Names may be placeholders (`#name`) or plain attribute names; values are placeholders.
 */
export type Item = Record<string, AttributeValue>;

export interface KeyCondition {
  partition: { attribute: string; value: AttributeValue };
  /** Whether an item's sort key value satisfies the sort key condition (true when there is none). */
  sortKey?: { attribute: string; test(value: AttributeValue | undefined): boolean };
}

const NAME = String.raw`(#?[\w.]+)`;
const VALUE = String.raw`(:\w+)`;
const EQUALITY = new RegExp(String.raw`^\s*${NAME}\s*=\s*${VALUE}\s*$`);
const COMPARISON = new RegExp(String.raw`^\s*${NAME}\s*(=|<=|<|>=|>)\s*${VALUE}\s*$`);
const BETWEEN = new RegExp(String.raw`^\s*${NAME}\s+BETWEEN\s+${VALUE}\s+AND\s+${VALUE}\s*$`, 'i');
const BEGINS_WITH = new RegExp(String.raw`^\s*begins_with\s*\(\s*${NAME}\s*,\s*${VALUE}\s*\)\s*$`, 'i');

/** Parses a KeyConditionExpression, or throws (the fixture answers a ValidationException). */
export function parseKeyCondition(
  expression: string,
  names: Readonly<Record<string, string>>,
  values: Readonly<Item>,
): KeyCondition {
  const nameOf = (token: string) => (token.startsWith('#') ? names[token] : token) ?? unsupported(token);
  const valueOf = (token: string) => values[token] ?? unsupported(token);
  // The first ` AND ` outside a BETWEEN separates the partition from the sort key condition.
  const [partitionPart, ...rest] = expression.split(/\s+AND\s+/i);
  const equality = EQUALITY.exec(partitionPart ?? '');
  if (!equality?.[1] || !equality[2]) return unsupported(expression);
  const partition = { attribute: nameOf(equality[1]), value: valueOf(equality[2]) };
  if (rest.length === 0) return { partition };

  const sortPart = rest.join(' AND ');
  const between = BETWEEN.exec(sortPart);
  if (between?.[1] && between[2] && between[3]) {
    const [low, high] = [valueOf(between[2]), valueOf(between[3])];
    return {
      partition,
      sortKey: {
        attribute: nameOf(between[1]),
        test: (value) => compareKeys(value, low) >= 0 && compareKeys(value, high) <= 0,
      },
    };
  }
  const beginsWith = BEGINS_WITH.exec(sortPart);
  if (beginsWith?.[1] && beginsWith[2]) {
    const prefix = valueOf(beginsWith[2]).S ?? unsupported('begins_with on a non-string');
    return {
      partition,
      sortKey: { attribute: nameOf(beginsWith[1]), test: (value) => value?.S?.startsWith(prefix) === true },
    };
  }
  const comparison = COMPARISON.exec(sortPart);
  if (!comparison?.[1] || !comparison[2] || !comparison[3]) return unsupported(expression);
  const operand = valueOf(comparison[3]);
  const operator = comparison[2];
  return {
    partition,
    sortKey: {
      attribute: nameOf(comparison[1]),
      test: (value) => {
        if (value === undefined) return false;
        const order = compareKeys(value, operand);
        return operator === '='
          ? order === 0
          : operator === '<'
            ? order < 0
            : operator === '<='
              ? order <= 0
              : operator === '>'
                ? order > 0
                : order >= 0;
      },
    },
  };
}

/** Sort keys compare as numbers (N) or strings (S, by code unit); the tables have no binary keys. */
export function compareKeys(a: AttributeValue | undefined, b: AttributeValue | undefined): number {
  if (a?.N !== undefined && b?.N !== undefined) return Number(a.N) - Number(b.N);
  const left = a?.S ?? '';
  const right = b?.S ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}

function unsupported(what: string): never {
  throw new Error(`The benchmark's fixture DynamoDB does not support key condition ${what}`);
}
