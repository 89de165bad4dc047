import { InvalidLabelSelectorError, matchesLabelSelector } from '../../../contract/gitops/label-selector';

const labels = { tier: '1', lifecycle: 'persistent' };

describe('matchesLabelSelector', () => {
  it('matches everything with an empty selector', () => {
    expect(matchesLabelSelector({}, labels)).toBe(true);
  });

  it('requires every matchLabels pair', () => {
    expect([matchesLabelSelector({ matchLabels: { tier: '1' } }, labels), matchesLabelSelector({ matchLabels: { tier: '1', x: 'y' } }, labels)]).toEqual([true, false]);
  });

  it('requires the value of a matchLabels pair, not only the key', () => {
    expect(matchesLabelSelector({ matchLabels: { tier: '2' } }, labels)).toBe(false);
  });

  it('matches In when the label has one of the values', () => {
    const selector = (values: string[]) => ({ matchExpressions: [{ key: 'lifecycle', operator: 'In' as const, values }] });
    expect([matchesLabelSelector(selector(['persistent']), labels), matchesLabelSelector(selector(['ephemeral']), labels)]).toEqual([true, false]);
  });

  it('does not match In when the label is absent', () => {
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'absent', operator: 'In', values: ['x'] }] }, labels)).toBe(false);
  });

  it('matches NotIn when the label is absent or has another value', () => {
    const notIn = (key: string) => ({ matchExpressions: [{ key, operator: 'NotIn' as const, values: ['persistent'] }] });
    expect([matchesLabelSelector(notIn('absent'), labels), matchesLabelSelector(notIn('lifecycle'), labels)]).toEqual([true, false]);
  });

  it('matches Exists and DoesNotExist on the key alone', () => {
    const op = (operator: 'Exists' | 'DoesNotExist', key: string) => matchesLabelSelector({ matchExpressions: [{ key, operator }] }, labels);
    expect([op('Exists', 'tier'), op('Exists', 'absent'), op('DoesNotExist', 'tier'), op('DoesNotExist', 'absent')]).toEqual([true, false, false, true]);
  });

  it('requires matchLabels and matchExpressions together', () => {
    const selector = { matchLabels: { tier: '1' }, matchExpressions: [{ key: 'lifecycle', operator: 'In' as const, values: ['ephemeral'] }] };
    expect(matchesLabelSelector(selector, labels)).toBe(false);
  });

  it('rejects In without values, as the API server does', () => {
    expect(() => matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }, labels)).toThrow(InvalidLabelSelectorError);
  });

  it('rejects Exists with values, as the API server does', () => {
    expect(() => matchesLabelSelector({ matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['1'] }] }, labels)).toThrow(/take no values/);
  });
});
