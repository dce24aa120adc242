/** useLayoutEffect in the browser, useEffect on the server (where neither runs, but React warns about the first). */
import { useEffect, useLayoutEffect } from "react";

export const useIsomorphicLayoutEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;
