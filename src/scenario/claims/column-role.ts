import type { ColumnRole } from '../../core/claim-audit-source-types';

const SELF_HOST = /self[_ -]?host|open[_ -]?(source|weight)|on[_ -]?prem/i;
const API = /api|proprietary|closed|vendor/i;

/**
 * Which side a column of a published table stands for, read from its name: a name with
 * "self_host", "open_source", "open_weight" or "on_prem" is self-hosting; one with "api",
 * "proprietary", "closed" or "vendor" is the API; anything else is neither.
 *
 * @example columnRole('open_source_self_hosted_strategy') // 'selfHost'
 * @example columnRole('proprietary_api')                  // 'api'
 */
export function columnRole(name: string): ColumnRole {
  if (SELF_HOST.test(name)) return 'selfHost';
  if (API.test(name)) return 'api';
  return 'other';
}
