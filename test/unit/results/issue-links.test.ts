import { describe, expect, it } from 'vitest';
import { fieldId, nearestFieldId } from '../../../src/ui/results/issue-links.ts';

describe('from an issue to its field', () => {
  const ids = new Set(['f-options-0-pue', 'f-options-1-hosting-kind', 'f-options-1-hosting-colocationCcyPerKWMonth', 'f-settings-horizonMonths']);
  const exists = (id: string) => ids.has(id);
  const firstWithin = (prefix: string) => [...ids].find((id) => id.startsWith(prefix)) ?? null;

  it('names fields the way the editor does', () => {
    expect(fieldId(['options', 0, 'pue'])).toBe('f-options-0-pue');
  });
  it('goes to the field itself', () => {
    expect(nearestFieldId(['options', 0, 'pue'], exists, firstWithin)).toBe('f-options-0-pue');
  });
  it('goes to the first field of an object the issue is about', () => {
    expect(nearestFieldId(['options', 1, 'hosting'], exists, firstWithin)).toBe('f-options-1-hosting-kind');
  });
  it('goes to the nearest enclosing field, or nowhere', () => {
    expect(nearestFieldId(['settings', 'horizonMonths', 'x'], exists, firstWithin)).toBe('f-settings-horizonMonths');
    expect(nearestFieldId(['uncertainty', 'ranges', 3, 'low'], exists, firstWithin)).toBeNull();
  });
});
