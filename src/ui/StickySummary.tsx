import { useEvaluation } from './evaluation-context';
import { cheaperToday } from './cheaper-today';
import { formatMoney, formatTokens } from './format';

/**
 * On a phone the inputs and results stack, so this one line keeps the answer in view while the
 * analyst edits. It repeats the headline, which screen readers already get, so it is hidden
 * from them.
 */
export function StickySummary({ currency }: { currency: string }) {
  const { result } = useEvaluation();
  const [baseline, challenger] = result.strategies;
  const vs = challenger?.vsBaseline;
  if (!baseline || !challenger || !vs) return null;
  const { cheaper, gap } = cheaperToday(challenger, baseline);
  const be = vs.breakEven;
  return (
    <div className="sticky-summary" aria-hidden="true">
      <span>
        {cheaper
          ? `${cheaper.name} cheaper by ${formatMoney(gap.toFixed(), currency)}/mo`
          : 'Same cost today'}
      </span>
      <span>
        {be.kind === 'at'
          ? `Break-even ${formatTokens(be.tokensPerDay)}/day`
          : be.kind === 'always'
            ? 'Always cheaper'
            : 'No break-even'}
      </span>
    </div>
  );
}
