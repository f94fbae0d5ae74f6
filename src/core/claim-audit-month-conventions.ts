import { Dec } from './decimal';

/**
 * The two month lengths published tables are built on. DESIGN section 2 uses 365/12 days a
 * month (730 hours); many articles use 30-day months (the 30/360 convention, 720 hours). The
 * audit states which one each derived number uses, and tries both where it explains a table.
 */
export type MonthConvention = {
  id: 'calendar' | 'thirty';
  /** For sentences: "365/12 days a month". */
  label: string;
  daysPerYear: Dec;
  daysPerMonth: Dec;
  hoursPerMonth: Dec;
};

export const CALENDAR_MONTH: MonthConvention = {
  id: 'calendar',
  label: '365/12 days a month',
  daysPerYear: new Dec(365),
  daysPerMonth: new Dec(365).div(12),
  hoursPerMonth: new Dec(730),
};

export const THIRTY_DAY_MONTH: MonthConvention = {
  id: 'thirty',
  label: '30-day months',
  daysPerYear: new Dec(360),
  daysPerMonth: new Dec(30),
  hoursPerMonth: new Dec(720),
};

export const MONTH_CONVENTIONS: readonly MonthConvention[] = [CALENDAR_MONTH, THIRTY_DAY_MONTH];

/** Days in the table's period (a month or a year) under a convention. */
export function daysPerPeriod(period: 'month' | 'year', convention: MonthConvention): Dec {
  return period === 'month' ? convention.daysPerMonth : convention.daysPerYear;
}

/** Hours in the table's period (a month or a year) under a convention. */
export function hoursPerPeriod(period: 'month' | 'year', convention: MonthConvention): Dec {
  return period === 'month' ? convention.hoursPerMonth : convention.hoursPerMonth.mul(12);
}
