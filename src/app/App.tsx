import { useMemo } from 'react';
import { evaluateScenario } from '../index';
import { DEFAULT_PRESET } from '../scenario/presets';
import { EngineSummary } from '../ui/EngineSummary';

/**
 * Until the calculator lands (issue 3), the app shows the default scenario's real results from
 * the engine, computed in the browser.
 */
export function App() {
  const evaluated = useMemo(() => evaluateScenario(DEFAULT_PRESET.scenario), []);
  if (!evaluated.ok) {
    return (
      <main>
        <h1>Self-host open-weight LLMs, or pay per token?</h1>
        <p role="alert">The default scenario did not validate:</p>
        <ul>
          {evaluated.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      </main>
    );
  }
  const currency = (DEFAULT_PRESET.scenario as { currency?: string }).currency ?? 'USD';
  return (
    <EngineSummary
      title={DEFAULT_PRESET.title}
      description={DEFAULT_PRESET.summary}
      currency={currency}
      result={evaluated.result}
    />
  );
}
