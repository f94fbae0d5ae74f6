import { Dec, ONE, toPlain } from './decimal';
import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import { writeNumber, writePercent, writePrice } from './claim-audit-words';
import type { PriceTable } from './claim-audit-source-types';
import { ASSUMED_INPUT_SHARE } from './claim-audit-stated-price';

const HALF = new Dec('0.5');

/**
 * A price list per 1M tokens: nothing adds up, so the audit re-derives what a reader compares
 * (blended prices at 3:1 and 1:1, output over input) and flags $0 rows, which are licence
 * prices of open weights, not the cost of running them.
 *
 * @example 0.40 / 1.20 -> 0.60 at 3:1, 0.80 at 1:1, output 3 times input
 */
export function auditPriceTable(table: PriceTable): AuditFinding[] {
  const price = (d: Dec) => writePrice(d, table.currency);
  const out: AuditFinding[] = [
    finding(
      'scope',
      'unchecked',
      'What this table allows',
      `A price list per 1M tokens (${table.rows.length} rows): there is nothing to add up and no volume, so no total or break-even. Re-derived per row: the blended price at 3 input tokens to 1 output (input share ${writePercent(ASSUMED_INPUT_SHARE, 0)}) and at 1:1.`,
    ),
  ];
  const free = table.rows.filter((r) => r.inputPerM.isZero() && r.outputPerM.isZero());
  for (const row of table.rows) {
    if (free.includes(row)) continue;
    const threeToOne = ASSUMED_INPUT_SHARE.mul(row.inputPerM).plus(
      ONE.minus(ASSUMED_INPUT_SHARE).mul(row.outputPerM),
    );
    const even = HALF.mul(row.inputPerM.plus(row.outputPerM));
    const ratio = row.inputPerM.isZero() ? null : row.outputPerM.div(row.inputPerM);
    out.push(
      finding(
        'prices',
        'derived',
        row.name,
        `${price(row.inputPerM)} input, ${price(row.outputPerM)} output: ${price(threeToOne)} per 1M at 3:1, ${price(even)} at 1:1${ratio === null ? '' : ratio.equals(ONE) ? '; output costs the same as input' : `; output costs ${writeNumber(ratio)} times input`}.`,
        [
          { label: 'blended 3:1', value: toPlain(threeToOne), unit: 'moneyPerMTokens' },
          { label: 'blended 1:1', value: toPlain(even), unit: 'moneyPerMTokens' },
          ...(ratio === null
            ? []
            : [{ label: 'output / input', value: toPlain(ratio), unit: 'ratio' as const }]),
        ],
      ),
    );
  }
  if (free.length > 0) {
    out.push(
      finding(
        'prices',
        'unchecked',
        `Rows at ${price(new Dec(0))}`,
        `${free.map((r) => r.name).join(', ')} ${free.length === 1 ? 'is' : 'are'} listed at ${price(new Dec(0))} input and output${free.some((r) => r.note !== null) ? ` (notes: ${free.flatMap((r) => (r.note === null ? [] : [`“${r.note}”`])).join(', ')})` : ''}. That is the price of the open weights, not the cost of serving them: the table gives no GPU, staff or hosting cost, so any comparison with these rows needs figures from elsewhere.`,
      ),
    );
  }
  return out;
}
