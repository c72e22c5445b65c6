import { describe, expect, it } from 'vitest';
import { barIndexAt, barLayout, chartRange, monthStarts, niceScale, summarize, weeklySeries } from './visits-chart';

describe('the visits-per-week chart', () => {
  it('asks for the current week and the whole weeks of the year before it', () => {
    expect(chartRange('2025-05-14', 53)).toEqual({ from: '2024-05-13', to: '2025-05-14' });
  });

  it('draws a bar for every week, zero where the API has no row', () => {
    const series = weeklySeries(
      [
        { period: '2025-04-28', visits: 5, households: 4, hotSpots: 1 },
        { period: '2025-05-12', visits: 2, households: 2, hotSpots: 0 },
        { period: null, visits: 99, households: 99, hotSpots: 0 },
      ],
      '2025-04-28',
      '2025-05-14',
    );
    expect(series).toEqual([
      { week: '2025-04-28', visits: 5, households: 4, hotSpots: 1 },
      { week: '2025-05-05', visits: 0, households: 0, hotSpots: 0 },
      { week: '2025-05-12', visits: 2, households: 2, hotSpots: 0 },
    ]);
  });

  it('scales counts in whole, round steps just above the largest week', () => {
    expect(niceScale(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceScale(9)).toEqual({ max: 10, ticks: [0, 5, 10] });
    expect(niceScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(1234).max).toBe(1500);
  });

  it('lays bars out from the bottom of the plot, in proportion, with a hairline for a small week', () => {
    const bars = barLayout([40, 20, 0, 0.01], { max: 40, ticks: [] }, 400, 100);
    expect(bars.map((bar) => bar.height)).toEqual([100, 50, 0, 1]);
    expect(bars[1].y).toBe(50);
    expect(bars[0].x).toBeCloseTo(14);
    expect(bars[1].x - bars[0].x).toBe(100);
  });

  it('finds the bar under the pointer, clamped to the plot', () => {
    expect(barIndexAt(0, 530, 53)).toBe(0);
    expect(barIndexAt(125, 530, 53)).toBe(12);
    expect(barIndexAt(600, 530, 53)).toBe(52);
    expect(barIndexAt(-5, 530, 53)).toBe(0);
    expect(barIndexAt(10, 530, 0)).toBe(-1);
  });

  it('labels the first week of each month, or of every other month on a narrow screen', () => {
    const series = weeklySeries([], '2025-01-27', '2025-04-10');
    expect(monthStarts(series).map((i) => series[i].week)).toEqual(['2025-02-03', '2025-03-03', '2025-04-07']);
    expect(monthStarts(series, 2).map((i) => series[i].week)).toEqual(['2025-02-03', '2025-04-07']);
  });

  it('sums the year up and names its busiest week', () => {
    const series = weeklySeries([{ period: '2025-05-05', visits: 7, households: 6, hotSpots: 2 }], '2025-04-28', '2025-05-14');
    expect(summarize(series)).toEqual({ visits: 7, busiest: series[1], weeksWithout: 2, hotSpots: 2 });
    expect(summarize([]).busiest).toBeNull();
  });
});
