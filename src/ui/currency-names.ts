/**
 * Currency names for the currency settings, from the browser (`Intl.DisplayNames`), in English
 * like the rest of the interface; a code the browser does not know is shown on its own.
 */

let names: Intl.DisplayNames | null | undefined;

/** "Euro" for EUR; null when the browser has no name for the code (or no `Intl.DisplayNames`). */
export function currencyName(code: string): string | null {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(code) ?? null;
  } catch {
    return null;
  }
}

/** "EUR (Euro)", or just the code when it has no known name. */
export function currencyLabel(code: string): string {
  const name = currencyName(code);
  return name ? `${code} (${name})` : code;
}
