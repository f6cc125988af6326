import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, VIEWS } from '../../src/state/route.ts';

describe('the view in the address', () => {
  it('reads each view and Compare’s scenarios from the query', () => {
    expect(parseRoute('')).toEqual({ view: 'planner', ids: [] });
    expect(parseRoute('?view=library')).toEqual({ view: 'library', ids: [] });
    expect(parseRoute('?view=compare&ids=a,b-2')).toEqual({ view: 'compare', ids: ['a', 'b-2'] });
    expect(parseRoute('?view=report')).toEqual({ view: 'report', ids: [] });
    expect(parseRoute('?view=methodology&ids=a')).toEqual({ view: 'methodology', ids: [] });
  });

  it('takes anything unknown or malformed as the planner, and drops bad ids', () => {
    expect(parseRoute('?view=__proto__')).toEqual({ view: 'planner', ids: [] });
    expect(parseRoute('?view=compare&ids=a,<b>,a,,c,d,e,f')).toEqual({ view: 'compare', ids: ['a', 'c', 'd', 'e'] });
  });

  it('writes the planner as no query, and the rest as ?view=…', () => {
    expect(formatRoute({ view: 'planner', ids: [] })).toBe('');
    expect(formatRoute({ view: 'compare', ids: ['a', 'b'] })).toBe('?view=compare&ids=a,b');
  });

  it('format then parse gives the route back', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(fc.constantFrom(...VIEWS), fc.uniqueArray(id, { maxLength: 4 }), (v, ids) => {
        const ids2 = v === 'compare' || v === 'report' ? ids : [];
        expect(parseRoute(formatRoute({ view: v, ids: ids2 }))).toEqual({ view: v, ids: ids2 });
      }),
    );
  });
});
