import type { ConvertedField } from '../scenario/currency-convert';
import type { FxDoc } from '../scenario/document';

/**
 * What a change of currency did, for the report under the currency settings: a conversion
 * (every amount multiplied by the rate, listed) or a relabel (no number changed).
 */
export type CurrencyReport =
  | {
      kind: 'convert';
      from: string;
      to: string;
      /** Units of `to` per unit of `from`, as applied. */
      rate: string;
      converted: ConvertedField[];
      /** Each converted field in words ("GPT-5 API: Output price"), in the order of `converted`. */
      labels: string[];
      notes: string[];
      /** The rate from USD the scenario has now, if any. */
      fx: FxDoc | null;
    }
  | { kind: 'relabel'; from: string; to: string; droppedFx: FxDoc | null };
