/**
 * `Intl.NumberFormat` instances are expensive to create (a chart axis formats dozens of ticks per
 * render), so each distinct locale and option set is built once.
 */
const cache = new Map<string, Intl.NumberFormat>();

export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}
