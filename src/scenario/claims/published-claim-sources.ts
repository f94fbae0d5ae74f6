import type { ClaimSource } from '../../core/claim-audit-source-types';
import published from '../catalog/published-claims.json';
import { readClaimSources } from './read-claim-source';

/**
 * The sources of `published-claims.json` (2026 articles, errors included) read for the claim
 * audit. The file is validated by the same reader as a user's table; a test keeps it valid, so
 * a malformed edit fails CI rather than emptying the view.
 */
export function publishedClaimSources(): ClaimSource[] {
  const read = readClaimSources(published);
  return read.ok ? read.sources : [];
}
