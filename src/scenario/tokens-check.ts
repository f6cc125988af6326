// tokens (issue 15): the cross-field checks of an inference workload's daily load profile, each on
// its field. Environment-free: the schema's check (schema.ts) and its test call it. The profile is
// the peak for `hoursAtPeakPerDay` hours and the rest of the day at the load that gives the average.
import type { WorkloadTokens } from './schema.ts';

export interface TokensIssue {
  field: keyof WorkloadTokens;
  key: string;
  message: string;
  params: Record<string, unknown>;
}

/** The bad inputs of `tokens` on an inference workload of average load `averageTokensPerSecond`. */
export function tokensIssues(averageTokensPerSecond: number, t: WorkloadTokens): TokensIssue[] {
  const out: TokensIssue[] = [];
  const peak = t.peakTokensPerSecond;
  if (peak < averageTokensPerSecond) {
    out.push({ field: 'peakTokensPerSecond', key: 'peakBelowAverage', message: `The peak (${peak} tokens/s) is below the average load (${averageTokensPerSecond} tokens/s).`, params: { peak, average: averageTokensPerSecond } });
  } else if (peak * t.hoursAtPeakPerDay > averageTokensPerSecond * 24 * (1 + 1e-12)) {
    // H hours at the peak already carry more tokens than the average over 24 h: the rest of the day would run below zero.
    out.push({ field: 'hoursAtPeakPerDay', key: 'peakHoursAboveAverage', message: `${t.hoursAtPeakPerDay} h a day at the peak carry more tokens than the average load over the whole day.`, params: { hours: t.hoursAtPeakPerDay } });
  }
  const known = [t.inputTokensPerSecondPerGpu, t.outputTokensPerSecondPerGpu, t.inputTokenSharePct];
  if (known.some((v) => v !== null)) {
    // Input and output costs need both throughputs and the share of input tokens.
    (['inputTokensPerSecondPerGpu', 'outputTokensPerSecondPerGpu', 'inputTokenSharePct'] as const).forEach((field, i) => {
      if (known[i] === null) out.push({ field, key: 'tokensSplitIncomplete', message: 'Input and output costs need both throughputs and the share of input tokens: enter this one, or clear the other two.', params: {} });
    });
  }
  return out;
}
