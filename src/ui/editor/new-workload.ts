// A workload of another kind, keeping the reference accelerator; its fields start from examples of
// scale. The scenario's workload and a pool member's (issue 15) switch kind through this one function.
import type { Workload } from '../../scenario/schema.ts';

export function newWorkload(kind: Workload['kind'], ref: string, horizonMonths: number): Workload {
  if (kind === 'gpuHours') return { kind, referenceAcceleratorId: ref, gpuHoursPerMonth: 4672, growthPctPerMonth: 0 };
  if (kind === 'training') return { kind, referenceAcceleratorId: ref, parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: Math.min(6, horizonMonths) };
  return { kind, referenceAcceleratorId: ref, tokensPerSecond: 5000, tokensPerSecondPerGpu: 2500, growthPctPerMonth: 0 };
}
