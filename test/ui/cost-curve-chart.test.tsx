import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import ChartsPanel from '../../src/ui/charts/ChartsPanel';
import FirstScreenCharts from '../../src/ui/charts/FirstScreenCharts';
import { CostCurveChart } from '../../src/ui/charts/CostCurveChart';
import { toCostCurveData } from '../../src/ui/charts/chart-data';
import type { CostCurveData } from '../../src/ui/charts/chart-data';
import { seriesPaths } from '../../src/ui/charts/cost-curve-geometry';
import type * as Geometry from '../../src/ui/charts/cost-curve-geometry';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { evaluateModel } from '../../src/core/evaluate';
import { DEFAULT_PRESET } from '../../src/scenario/presets';

// Counts the path building, to check what a re-render redraws (the module is otherwise as shipped).
vi.mock('../../src/ui/charts/cost-curve-geometry', async (importOriginal) => {
  const actual = await importOriginal<typeof Geometry>();
  return { ...actual, seriesPaths: vi.fn(actual.seriesPaths) };
});

const v = validateScenario(DEFAULT_PRESET.scenario);
if (!v.ok) throw new Error('invalid preset');
const MODEL = v.scenario;
const RESULT = evaluateModel(MODEL);

/**
 * At 800 x 320 the plot is x 76..776 and y 28..284 (the chart's padding), over 100K..10B
 * tokens/day: a decade every 140 px, so 100M tokens/day is at x = 76 + 3 * 140 = 496.
 */
const SIZE = { width: 800, height: 320 };
const xOf = (tokensPerDay: number) => 76 + (Math.log10(tokensPerDay) - 5) * 140;

function renderCostChart() {
  render(
    <ChartsPanel
      model={MODEL}
      result={RESULT}
      currency="USD"
      size={SIZE}
      charts={['cost']}
      exportable
    />,
  );
  const figure = screen.getByRole('figure', { name: /^Monthly cost by volume/ });
  const plot = within(figure).getByRole('application', { name: /arrow keys/ });
  return { figure, plot };
}

/** The reading's rows as "name amount". */
function readingRows(): string[] {
  const tip = screen.getByRole('tooltip');
  return within(tip)
    .getAllByRole('listitem')
    .map((li) => [...li.querySelectorAll('span')].map((s) => s.textContent).join(' '));
}

afterEach(cleanup);

describe('the cost chart in the charts panel', () => {
  it('draws a line per strategy, the legend in order, the crossing and the break-even', () => {
    const { figure } = renderCostChart();
    const svg = within(figure).getByRole('img', { name: 'Monthly cost by volume' });
    const paths = [...svg.querySelectorAll('path')];
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => p.getAttribute('stroke'))).toEqual([
      'var(--series-0)',
      'var(--series-1)',
    ]);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M76,[\d.]+(L[\d.]+,[\d.]+){80,}$/);
    const legend = within(figure).getByRole('list', { name: 'Strategies' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['GPT-5 API', 'Self-hosted Llama 3.3 70B']);
    // One break-even, in the accent colour, labelled; its crossing is a dot in the strategy's colour.
    expect(within(figure).getByText('break-even 244M/day')).toBeInTheDocument();
    const line = figure.querySelector('.cost-chart-break-even line');
    expect(line?.getAttribute('stroke')).toBe('var(--accent)');
    const dots = [...figure.querySelectorAll('.cost-chart-crossings circle')];
    expect(dots).toHaveLength(1);
    expect(dots[0]?.getAttribute('fill')).toBe('var(--series-1)');
    expect(Number(dots[0]?.getAttribute('cx'))).toBeCloseTo(xOf(244_236_640), 0);
    expect(within(figure).getByText('today')).toBeInTheDocument();
  });

  it('shows each strategy’s cost at the volume under the pointer, and hides it on leave', () => {
    const { plot } = renderCostChart();
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.pointerMove(plot, { clientX: xOf(1e8), clientY: 150 });
    const tip = screen.getByRole('tooltip');
    expect(within(tip).getByText('100M tokens/day')).toBeInTheDocument();
    expect(readingRows()).toEqual(['GPT-5 API $10,303.75', 'Self-hosted Llama 3.3 70B $22,280.80']);
    // The focused plot is described by the reading.
    expect(plot).toHaveAccessibleDescription(/^100M tokens\/day GPT-5 API \$10,303.75/);
    // Right of the middle, the box sits left of the guide; left of it, right of the guide.
    expect(tip.style.right).toBe(`${800 - xOf(1e8) + 10}px`);
    expect(tip.style.left).toBe('');
    fireEvent.pointerMove(plot, { clientX: xOf(1e6), clientY: 150 });
    expect(screen.getByRole('tooltip').style.left).toBe(`${xOf(1e6) + 10}px`);
    expect(readingRows()).toEqual(['GPT-5 API $2,083.04', 'Self-hosted Llama 3.3 70B $22,280.80']);
    fireEvent.pointerLeave(plot);
    expect(screen.queryByRole('tooltip')).toBeNull();
    // Outside the plot (in the axis labels) there is no reading.
    fireEvent.pointerMove(plot, { clientX: 40, clientY: 150 });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('reads the volumes with the keyboard: arrows from today, Home and End, Escape hides', () => {
    const { plot } = renderCostChart();
    plot.focus();
    expect(plot).toHaveFocus();
    expect(plot).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    // The first press shows the point nearest today's 150M, the next one moves right.
    expect(within(screen.getByRole('tooltip')).getByText('154M tokens/day')).toBeInTheDocument();
    expect(readingRows()[0]).toBe('GPT-5 API $14,787.16');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(within(screen.getByRole('tooltip')).getByText('178M tokens/day')).toBeInTheDocument();
    expect(readingRows()[0]).toBe('GPT-5 API $16,766.39');
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    expect(within(screen.getByRole('tooltip')).getByText('154M tokens/day')).toBeInTheDocument();
    fireEvent.keyDown(plot, { key: 'End' });
    expect(within(screen.getByRole('tooltip')).getByText('10B tokens/day')).toBeInTheDocument();
    expect(readingRows()).toEqual([
      'GPT-5 API $832,375.00',
      'Self-hosted Llama 3.3 70B $380,743.20',
    ]);
    fireEvent.keyDown(plot, { key: 'Home' });
    expect(readingRows()).toEqual(['GPT-5 API $2,008.30', 'Self-hosted Llama 3.3 70B $22,280.80']);
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    expect(within(screen.getByRole('tooltip')).getByText('100K tokens/day')).toBeInTheDocument();
    fireEvent.keyDown(plot, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    // Leaving the plot hides a keyboard reading too.
    fireEvent.keyDown(plot, { key: 'End' });
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    fireEvent.blur(plot);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});

describe('the reading on a phone-wide chart', () => {
  it('spans the plot, away from the strategies’ dots, where neither side of the guide has room', () => {
    const curve = toCostCurveData(MODEL, RESULT);
    render(<CostCurveChart curve={curve} currency="USD" size={{ width: 390, height: 293 }} />);
    const plot = screen.getByRole('application', { name: /arrow keys/ });
    // The plot is x 76..366: a decade every 58 px. At 100M both costs sit in the lower half.
    fireEvent.pointerMove(plot, { clientX: 76 + 3 * 58, clientY: 150 });
    let tip = screen.getByRole('tooltip');
    expect(within(tip).getByText('100M tokens/day')).toBeInTheDocument();
    expect([tip.style.left, tip.style.right, tip.style.top]).toEqual(['8px', '8px', '32px']);
    cleanup();
    // A strategy dear at every volume has its dot near the top: the reading goes to the bottom.
    const dear: CostCurveData = {
      series: [{ key: 's0', name: 'Dear' }],
      points: [1e5, 1e6, 1e7, 1e8, 1e9, 1e10].map((tokensPerDay) => ({ tokensPerDay, s0: 9e5 })),
      domain: [1e5, 1e10],
      costDomain: [1e3, 1e6],
      today: 0,
      crossings: [],
      breakEvens: [],
    };
    render(<CostCurveChart curve={dear} currency="USD" size={{ width: 390, height: 293 }} />);
    const plot2 = screen.getByRole('application', { name: /arrow keys/ });
    fireEvent.pointerMove(plot2, { clientX: 76 + 3 * 58, clientY: 150 });
    tip = screen.getByRole('tooltip');
    expect(readingRows()).toEqual(['Dear $900,000.00']);
    expect([tip.style.left, tip.style.right]).toEqual(['8px', '8px']);
    expect(tip.style.top).toBe(`${293 - 36 - 4}px`);
    expect(tip.style.transform).toBe('translateY(-100%)');
    // Near the right edge there is room left of the guide again.
    fireEvent.pointerMove(plot2, { clientX: 366, clientY: 150 });
    tip = screen.getByRole('tooltip');
    expect([tip.style.left, tip.style.right]).toEqual(['', `${390 - 366 + 10}px`]);
  });
});

describe('the cost chart on the first screen', () => {
  it('is the same chart, legend and break-even label included', () => {
    render(<FirstScreenCharts model={MODEL} result={RESULT} currency="USD" charts={['cost']} />);
    const figure = screen.getByRole('figure', { name: /^Monthly cost by volume/ });
    expect(within(figure).getByRole('application', { name: /arrow keys/ })).toBeInTheDocument();
    expect(within(figure).getByText('break-even 244M/day')).toBeInTheDocument();
    const legend = within(figure).getByRole('list', { name: 'Strategies' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(2);
    // Without a fixed size (jsdom has no layout) it keeps its height: 293 px for two strategies.
    const svg = within(figure).getByRole('img', { name: 'Monthly cost by volume' });
    expect(svg.getAttribute('height')).toBe('293');
  });
});

describe('what a re-render redraws', () => {
  it('a new today moves the marker without rebuilding the lines; a new size rebuilds them', () => {
    const curve = toCostCurveData(MODEL, RESULT);
    const build = vi.mocked(seriesPaths);
    build.mockClear();
    const { rerender } = render(<CostCurveChart curve={curve} currency="USD" size={SIZE} />);
    expect(build).toHaveBeenCalledTimes(1);
    const todayX = () => Number(screen.getByText('today').getAttribute('x'));
    expect(todayX()).toBeCloseTo(xOf(150e6) + 5, 6);
    rerender(<CostCurveChart curve={{ ...curve, today: 3e8 }} currency="USD" size={SIZE} />);
    expect(todayX()).toBeCloseTo(xOf(3e8) + 5, 6);
    // A pointer reading re-renders the chart, not its lines either.
    const plot = screen.getByRole('application', { name: /arrow keys/ });
    fireEvent.pointerMove(plot, { clientX: xOf(1e8), clientY: 150 });
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    expect(build).toHaveBeenCalledTimes(1);
    rerender(
      <CostCurveChart
        curve={{ ...curve, today: 3e8 }}
        currency="USD"
        size={{ width: 600, height: 320 }}
      />,
    );
    expect(build).toHaveBeenCalledTimes(2);
  });
});
