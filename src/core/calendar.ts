import { Dec } from './decimal';
import type { CalendarSettings } from './model';

const MONTHS_PER_YEAR = new Dec(12);

/** `daysPerYear / 12` (DESIGN section 2): 30.41666… at 365, exactly 30 at 360. */
export function daysPerMonth(settings: CalendarSettings): Dec {
  return settings.daysPerYear.div(MONTHS_PER_YEAR);
}

/** `24 * daysPerMonth`, which is exactly `2 * daysPerYear`: 730 at 365, 720 at 360. */
export function hoursPerMonth(settings: CalendarSettings): Dec {
  return settings.daysPerYear.mul(2);
}
