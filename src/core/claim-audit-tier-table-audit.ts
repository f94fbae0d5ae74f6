import { finding } from './claim-audit-result';
import type { AuditFinding } from './claim-audit-result';
import {
  auditApiPrices,
  explainingConvention,
  impliedApiPrices,
} from './claim-audit-implied-api-price';
import { auditCostPerMillion } from './claim-audit-cost-per-million';
import { checkTierSums } from './claim-audit-check-sums';
import type { StatedApiPrice, TierTable } from './claim-audit-source-types';
import { auditFteCost } from './claim-audit-implied-fte-cost';
import { auditGpuHour } from './claim-audit-implied-gpu-hour';
import { CALENDAR_MONTH } from './claim-audit-month-conventions';
import type { MonthConvention } from './claim-audit-month-conventions';
import { auditTierRecompute } from './claim-audit-recompute-tier-api';
import { sidePoints } from './claim-audit-table-lines';
import { auditTierBreakEven } from './claim-audit-tier-break-even';
import { auditVerdict } from './claim-audit-verdict-claims';

/** The month length the table's API line was built on if it shows one, else 365/12 days. */
export function tableConvention(table: TierTable): MonthConvention {
  return explainingConvention(impliedApiPrices(table)) ?? CALENDAR_MONTH;
}

/**
 * Every check of a cost table by volume, in reading order: sums and annual figures, implied
 * unit prices, the break-even the table implies, the recomputation at the source's stated
 * prices, then each tier's verdict.
 */
export function auditTierTable(table: TierTable, price: StatedApiPrice | null): AuditFinding[] {
  const convention = tableConvention(table);
  const out: AuditFinding[] = [
    ...checkTierSums(table),
    ...auditApiPrices(table),
    ...auditCostPerMillion(table, convention),
    ...auditFteCost(table),
    ...auditGpuHour(table, convention),
  ];
  const points = sidePoints(table);
  out.push(
    points === null
      ? finding(
          'break-even',
          'unchecked',
          'Break-even implied by the table',
          'The table needs one API column and one self-hosted column (named with "api" and "self_host" or "open_source") for a break-even.',
        )
      : auditTierBreakEven(
          points,
          table.currency,
          'Break-even implied by the table (as published)',
        ),
  );
  out.push(
    ...(price === null
      ? [
          finding(
            'recompute',
            'unchecked',
            'Recomputation at stated prices',
            'The source states no API price per token, so the API line cannot be recomputed from it.',
          ),
        ]
      : auditTierRecompute(table, price, convention)),
  );
  for (const tier of table.tiers) out.push(...auditVerdict(table, tier));
  return out;
}
