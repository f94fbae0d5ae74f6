import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import ChartsPanel from '../../src/ui/charts/ChartsPanel';
import { markerLabelsFit, seriesColor, seriesDash } from '../../src/ui/charts/chart-style';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateModel } from '../../src/core/evaluate';
import { scaleScenario } from '../../bench/scale-scenario';

/** Issue 5: the cost chart stays readable with up to 12 strategies. */

describe('chart-style', () => {
  it('gives each of 12 strategies its own colour and dash, neighbours differing in both', () => {
    const styles = Array.from({ length: 12 }, (_, i) => `${seriesColor(i)}|${seriesDash(i)}`);
    expect(new Set(styles).size).toBe(12);
    for (let i = 1; i < 12; i++) {
      expect(seriesColor(i)).not.toBe(seriesColor(i - 1));
      expect(seriesDash(i)).not.toBe(seriesDash(i - 1));
    }
  });

  it('labels one marker, or two half the axis apart, and no more', () => {
    expect(markerLabelsFit([0.3])).toBe(true);
    expect(markerLabelsFit([0.2, 0.9])).toBe(true);
    expect(markerLabelsFit([0.6, 0.4])).toBe(false);
    expect(markerLabelsFit([0, 0.5, 1])).toBe(false);
  });
});

describe('ChartsPanel with 12 strategies, at a real size', () => {
  let cost: HTMLElement;
  let cumulative: HTMLElement;

  beforeAll(() => {
    const v = validateScenario(scaleScenario({ workloadCount: 10 }));
    if (!v.ok) throw new Error('invalid scenario');
    const result = evaluateModel(v.scenario);
    render(
      <ChartsPanel
        model={v.scenario}
        result={result}
        currency="USD"
        size={{ width: 800, height: 480 }}
        charts={['cost', 'cumulative']}
      />,
    );
    cost = screen.getByRole('figure', { name: /^Monthly cost by volume/ });
    cumulative = screen.getByRole('figure', { name: /^Cumulative cost/ });
  });
  afterAll(cleanup);

  it('draws 12 lines, each with its own colour and dash pattern', () => {
    const svg = within(cost).getByRole('img', { name: 'Monthly cost by volume' });
    const lines = [...svg.querySelectorAll('path')];
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(line.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    const styles = lines.map(
      (l) => `${l.getAttribute('stroke')}|${l.getAttribute('stroke-dasharray') ?? 'solid'}`,
    );
    expect(new Set(styles).size).toBe(12);
  });

  it('lists the legend in strategy order, each entry drawn with its line’s dash', () => {
    const legend = within(cost).getByRole('list', { name: 'Strategies' });
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'All on API model 3',
      'One pooled open model',
      ...Array.from({ length: 10 }, (_, i) => `Strategy ${i + 3}`),
    ]);
    const icons = items.map((i) => i.querySelector('svg line'));
    expect(icons[0]?.getAttribute('stroke-dasharray')).toBeNull();
    expect(icons[1]?.getAttribute('stroke-dasharray')).toBe('6 3');
    expect(icons[6]?.getAttribute('stroke-dasharray')).toBe('2 2');
    expect(icons[7]?.getAttribute('stroke')).toBe(seriesColor(7));
  });

  it('draws every break-even in its strategy’s colour without labels that would overlap', () => {
    expect(within(cost).queryByText(/^break-even/)).toBeNull();
    const strokes = [...cost.querySelectorAll('.cost-chart-break-even line')].map((l) =>
      l.getAttribute('stroke'),
    );
    expect(strokes.length).toBeGreaterThan(2);
    expect(strokes).not.toContain('var(--accent)');
    expect(strokes.every((s) => s?.startsWith('var(--series-'))).toBe(true);
    // Crossings are dots in their strategy's colour, all inside the plot.
    const dots = [...cost.querySelectorAll('.cost-chart-crossings circle')];
    expect(dots.length).toBeGreaterThan(0);
    expect(dots.every((d) => d.getAttribute('fill')?.startsWith('var(--series-'))).toBe(true);
    for (const d of dots) {
      const [cx, cy] = [Number(d.getAttribute('cx')), Number(d.getAttribute('cy'))];
      expect(cx).toBeGreaterThanOrEqual(76);
      expect(cx).toBeLessThanOrEqual(800 - 24);
      expect(cy).toBeGreaterThanOrEqual(28);
      expect(cy).toBeLessThanOrEqual(480 - 36);
    }
  });

  it('keeps capex out of the cumulative legend for strategies that buy nothing', () => {
    const legend = cumulative.querySelector('.recharts-legend-wrapper') as HTMLElement;
    const names = [...legend.querySelectorAll('.recharts-legend-item')].map((i) => i.textContent);
    const capex = names.filter((n) => n?.endsWith(': capex'));
    // Only the strategies with a bought ("buy" mode) deployment have capex.
    expect(capex.length).toBeGreaterThan(0);
    expect(capex.length).toBeLessThan(12);
    expect(names.filter((n) => !n?.endsWith(': capex'))).toHaveLength(12);
  });
});
