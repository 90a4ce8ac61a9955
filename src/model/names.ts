/** Readable names for model columns and rows: `funds[guangzhou-urban,retrofit,2023,central]`. */
export function nameOf(family: string, ...keys: (string | number)[]): string {
  return `${family}[${keys.join(",")}]`;
}

export const startsName = (leaf: string, program: string, year: number) =>
  nameOf("starts", leaf, program, year);
export const costName = (leaf: string, program: string, year: number) =>
  nameOf("cost", leaf, program, year);
export const fundsName = (leaf: string, program: string, year: number, source: string) =>
  nameOf("funds", leaf, program, year, source);
export const shortfallName = (target: string) => nameOf("shortfall", target);
export const carryName = (source: string, region: string, year: number) =>
  nameOf("carry", source, region, year);
