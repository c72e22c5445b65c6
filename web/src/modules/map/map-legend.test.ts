import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, legendClasses, metricShare, NO_DATA_COLOUR, percent, shareClass, shareColour } from './map-legend';

const figures = { households: 40, householdsCovered: 30, activeAssignments: 30, overdue: 6 };

describe('area colours', () => {
  it('measures coverage over households and the overdue share over assignments', () => {
    expect(metricShare('coverage', figures)).toBe(0.75);
    expect(metricShare('overdue', figures)).toBe(0.2);
    expect(metricShare('coverage', { ...figures, households: 0 })).toBeNull();
    expect(metricShare('overdue', { ...figures, activeAssignments: 0 })).toBeNull();
  });

  it('puts shares in five equal classes, 100 % in the top one', () => {
    expect([0, 0.19, 0.2, 0.399, 0.4, 0.6, 0.79, 0.8, 1].map(shareClass)).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 4]);
    expect(shareClass(Number.NaN)).toBe(0);
  });

  it('colours an area without figures apart from every class', () => {
    expect(shareColour('coverage', null)).toBe(NO_DATA_COLOUR);
    expect(CLASS_COLOURS.coverage).not.toContain(NO_DATA_COLOUR);
    expect(shareColour('overdue', 1)).toBe(CLASS_COLOURS.overdue[4]);
  });

  it('labels the legend in steps of 20 %', () => {
    expect(legendClasses('coverage').map(({ from, to }) => `${from}–${to}`)).toEqual(['0–20', '20–40', '40–60', '60–80', '80–100']);
  });

  it('writes shares as whole percents, and a dash for none', () => {
    expect(percent(0.754, 'en')).toBe('75%');
    expect(percent(null, 'vi')).toBe('—');
  });
});
