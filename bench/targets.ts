import { round } from './stats';

/**
 * The performance targets of the issue (bench/README.md, "Reading the results"), each checked on
 * medians measured in the same run. Where one does not hold, `shortBy` says by how much: for a
 * time, how much less time ours must take for it to hold.
 */
export const TARGETS = {
  /** Cold start: ours ÷ lower bound, at most. */
  coldStartRatioToLowerBound: 1.3,
  /** Cold start: the faster peer ÷ ours, at least (ours that much faster than either peer). */
  coldStartSpeedupVsFasterPeer: 1.25,
  /** Cold start: ours unbundled ÷ ours, at least. */
  coldStartSpeedupVsUnbundled: 1.5,
  /** Warm per request: ours ÷ lower bound, at most. */
  warmRatio: 1.3,
  /** dist/handler.js, the AWS SDK inside, at most (1 MiB). */
  bundleBytes: 1_048_576,
  /** Sequential DynamoDB round trips of the home page, worst page size, at most. */
  homePageWaves: 1,
  /** DynamoDB calls of the home page, at each page size, at most. */
  homePageCalls: 3,
  /** Sequential DynamoDB round trips of the browse page (a category, by price, searched), at most. */
  browsePageWaves: 2,
  /** BatchGetItem calls for a 50-line cart's products, exactly. */
  cart50BatchGetCalls: 1,
};

export interface TargetResult {
  label: string;
  /** As printed: `1.49×`, `1167 KiB`, `9`. */
  measured: string;
  goal: string;
  holds: boolean;
  /** Where it does not hold: by how much, in words. */
  shortBy?: string;
}

/** Ours ÷ another variant (medians) at most `goal`: ours must take ≤ goal × theirs. */
export function atMostTimesOther(
  label: string,
  ours: number,
  other: number,
  goal: number,
  unit: 'ms' | 'µs',
): TargetResult {
  const ratio = round(ours / other, 2);
  return timeTarget(label, `${ratio.toFixed(2)}×`, `≤ ${goal}×`, ratio <= goal, ours, goal * other, unit);
}

/** Another variant ÷ ours (medians) at least `goal`: ours must take ≤ theirs ÷ goal. */
export function atLeastTimesFaster(
  label: string,
  ours: number,
  other: number,
  goal: number,
  unit: 'ms' | 'µs',
): TargetResult {
  const ratio = round(other / ours, 2);
  return timeTarget(label, `${ratio.toFixed(2)}×`, `≥ ${goal}×`, ratio >= goal, ours, other / goal, unit);
}

function timeTarget(
  label: string,
  measured: string,
  goal: string,
  holds: boolean,
  ours: number,
  allowed: number,
  unit: 'ms' | 'µs',
): TargetResult {
  if (holds) return { label, measured, goal, holds };
  const excess = ours - allowed;
  return {
    label,
    measured,
    goal,
    holds,
    shortBy: `ours ${round(excess)} ${unit} (${Math.round((excess / ours) * 100)} %) too slow`,
  };
}

/** A count or size at most `goal`. */
export function atMost(
  label: string,
  measured: number,
  goal: number,
  describe: (value: number) => string,
  excessWord: string,
): TargetResult {
  const holds = measured <= goal;
  return {
    label,
    measured: describe(measured),
    goal: `≤ ${describe(goal)}`,
    holds,
    ...(holds ? {} : { shortBy: `${describe(measured - goal)} ${excessWord}` }),
  };
}

/** A count exactly `goal`. */
export function exactly(label: string, measured: number, goal: number): TargetResult {
  const holds = measured === goal;
  return {
    label,
    measured: String(measured),
    goal: String(goal),
    holds,
    ...(holds ? {} : { shortBy: `${Math.abs(measured - goal)} ${measured > goal ? 'too many' : 'too few'}` }),
  };
}
