/**
 * The CSP nonce of the current response. Provided on the server only (entry.server);
 * in the browser it is "" — browsers hide nonce attributes from the DOM, so
 * hydration sees "" on both sides and the nonce never reaches client code.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
