import { DEFAULT_PRESET } from '../scenario/preset-info';
import { decodeScenarioLink } from '../scenario/link-codec';
import type { ValidationError } from '../scenario/validation-error';
import type { CalculatorInputs } from './calculator-store';
import { inputsFromPreset } from './inputs-from-preset';

/** Where a scenario being opened came from: a link, or a file (with its name). */
export type NoticeSource = { kind: 'link' } | { kind: 'file'; name: string };

/** What was wrong with a link or file being opened, and what was reset or kept. */
export type LinkNotice =
  | null
  | { kind: 'repaired'; problems: readonly ValidationError[]; from?: NoticeSource }
  | {
      kind: 'error';
      message: string;
      problems: readonly ValidationError[];
      /** True when the scenario on screen was kept (a link pasted into an open page, a file). */
      kept?: boolean;
      from?: NoticeSource;
    };

/**
 * The calculator's starting inputs for a URL fragment: the linked scenario, or the default with
 * a notice saying what was wrong with the link and what was reset. Never throws.
 */
export function inputsFromLink(fragment: string): { inputs: CalculatorInputs; notice: LinkNotice } {
  const fallback = inputsFromPreset(DEFAULT_PRESET);
  const decoded = decodeScenarioLink(fragment, fallback.doc);
  if (decoded.kind === 'empty') return { inputs: fallback, notice: null };
  if (decoded.kind === 'error') {
    return {
      inputs: fallback,
      notice: { kind: 'error', message: decoded.message, problems: decoded.problems },
    };
  }
  const doc = decoded.doc;
  const inputs: CalculatorInputs = {
    doc,
    validDoc: doc,
    origin: { presetId: null, loaded: doc, catalogRefs: decoded.catalogRefs },
  };
  return {
    inputs,
    notice: decoded.kind === 'repaired' ? { kind: 'repaired', problems: decoded.problems } : null,
  };
}

/**
 * A link opened in a page that is already showing a scenario: the linked scenario replaces it
 * (one undo step), or, if the link is bad, the scenario on screen is kept and the notice says so.
 */
export function applyLink(
  fragment: string,
  current: CalculatorInputs,
): { inputs: CalculatorInputs | null; notice: LinkNotice } {
  const decoded = decodeScenarioLink(fragment, current.doc);
  if (decoded.kind === 'empty') return { inputs: null, notice: null };
  if (decoded.kind === 'error') {
    return {
      inputs: null,
      notice: { kind: 'error', message: decoded.message, problems: decoded.problems, kept: true },
    };
  }
  const doc = decoded.doc;
  return {
    inputs: {
      doc,
      validDoc: doc,
      origin: { presetId: null, loaded: doc, catalogRefs: decoded.catalogRefs },
    },
    notice: decoded.kind === 'repaired' ? { kind: 'repaired', problems: decoded.problems } : null,
  };
}
