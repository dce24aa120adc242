/**
 * Row density of the matrix, kept per person in a cookie (not HttpOnly: the
 * switch writes it) so the server renders the chosen density and the page
 * does not jump after loading.
 */
export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];
const DEFAULT_DENSITY: Density = "comfortable";
export const DENSITY_COOKIE = "remit_density";

/**
 * Row heights for the virtualizer: compact rows have exactly this height (app.css, `.density-compact` rows) and are
 * never measured (GRID-12); comfortable rows start from this estimate and are measured once rendered.
 */
export const ROW_HEIGHT_ESTIMATE: Record<Density, number> = { compact: 33, comfortable: 118 };

export function parseDensity(value: string | null | undefined): Density {
  return DENSITIES.includes(value as Density) ? (value as Density) : DEFAULT_DENSITY;
}

/** Remembered for a year on this browser. */
export function saveDensity(density: Density): void {
  document.cookie = `${DENSITY_COOKIE}=${density}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
