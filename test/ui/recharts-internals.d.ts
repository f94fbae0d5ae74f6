// Types for the one internal recharts module a test imports (its tick maths), which recharts does
// not publish types for at this path.
declare module 'recharts/es6/util/scale/getNiceTickValues' {
  export function getNiceTickValues(
    domain: [number, number],
    tickCount?: number,
    allowDecimals?: boolean,
  ): number[];
  export function getTickValuesFixedDomain(
    domain: [number, number],
    tickCount?: number,
    allowDecimals?: boolean,
  ): number[];
}
