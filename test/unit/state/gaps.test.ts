// The catalog gaps of the editor (fields waiting for a figure): kept per scenario, option and field,
// read by an editor path, forgotten when the person types a value.
import { describe, expect, it } from 'vitest';
import { Gaps } from '../../../src/ui/editor/gaps.svelte.ts';
import { buy, cloud, scenario } from './scenarios.ts';

describe('Gaps', () => {
  it('records a field per option and reads it back by the option and by an editor path', () => {
    const s = scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })]);
    const gaps = new Gaps();
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noRate');
    gaps.set(s, 'b', 'colocationCcyPerKWMonth', 'noFigure');
    expect(gaps.fieldsOf(s, 'a')).toEqual(new Set(['priceCcyPerGpuHour']));
    expect(gaps.fieldsOf(s, 'b')).toEqual(new Set(['colocationCcyPerKWMonth']));
    expect(gaps.atPath(s, 'options.0.priceCcyPerGpuHour')).toBe('noRate');
    // A nested path (one sub-object) names the field of the option.
    expect(gaps.atPath(s, 'options.1.hosting.colocationCcyPerKWMonth')).toBe('noFigure');
    expect(gaps.atPath(s, 'options.1.priceCcyPerGpuHour')).toBeNull();
  });

  it('keeps the gaps of one scenario apart from another’s with the same option ids', () => {
    const s = scenario([cloud({ id: 'a', name: 'A' })]);
    const other = { ...scenario([cloud({ id: 'a', name: 'A' })]), id: 'other' };
    const gaps = new Gaps();
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noRate');
    expect(gaps.fieldsOf(other, 'a').size).toBe(0);
    expect(gaps.atPath(other, 'options.0.priceCcyPerGpuHour')).toBeNull();
    // An option id that is a prefix of another's does not take its fields.
    gaps.set(s, 'ab', 'gpuCount', 'noFigure');
    expect(gaps.fieldsOf(s, 'a')).toEqual(new Set(['priceCcyPerGpuHour']));
  });

  it('a new reason replaces the old one; null forgets the field', () => {
    const s = scenario([cloud({ id: 'a', name: 'A' })]);
    const gaps = new Gaps();
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noRate');
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noFigure');
    expect(gaps.atPath(s, 'options.0.priceCcyPerGpuHour')).toBe('noFigure');
    gaps.set(s, 'a', 'priceCcyPerGpuHour', null);
    expect(gaps.atPath(s, 'options.0.priceCcyPerGpuHour')).toBeNull();
    expect(gaps.fieldsOf(s, 'a').size).toBe(0);
    // Forgetting a field that has no gap is harmless.
    gaps.set(s, 'a', 'gpuCount', null);
    expect(gaps.fieldsOf(s, 'a').size).toBe(0);
  });

  it('clearPath forgets the field at an editor path and nothing else', () => {
    const s = scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })]);
    const gaps = new Gaps();
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noRate');
    gaps.set(s, 'b', 'colocationCcyPerKWMonth', 'noFigure');
    gaps.set(s, 'b', 'priceCcyPerGpu', 'noFigure');
    gaps.clearPath(s, 'options.1.hosting.colocationCcyPerKWMonth');
    expect(gaps.fieldsOf(s, 'b')).toEqual(new Set(['priceCcyPerGpu']));
    expect(gaps.fieldsOf(s, 'a')).toEqual(new Set(['priceCcyPerGpuHour']));
  });

  it('a path that names no option, or is not an option field, reads no gap and clears nothing', () => {
    const s = scenario([cloud({ id: 'a', name: 'A' })]);
    const gaps = new Gaps();
    gaps.set(s, 'a', 'priceCcyPerGpuHour', 'noRate');
    expect(gaps.atPath(s, 'options.5.priceCcyPerGpuHour')).toBeNull();
    expect(gaps.atPath(s, 'horizonMonths')).toBeNull();
    expect(gaps.atPath(s, 'options.0.a.b.priceCcyPerGpuHour')).toBeNull();
    gaps.clearPath(s, 'options.5.priceCcyPerGpuHour');
    gaps.clearPath(s, 'priceCcyPerGpuHour');
    expect(gaps.fieldsOf(s, 'a')).toEqual(new Set(['priceCcyPerGpuHour']));
  });
});
