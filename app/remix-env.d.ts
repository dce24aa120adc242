/// <reference types="@remix-run/dev" />

// Single fetch (v3_singleFetch) changes how loader/action data types are inferred.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
