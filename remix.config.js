/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    // Off: with lazy discovery Remix watches the whole document for inserted links, and a filter change on a
    // 1,000-threat board inserts ~32 rows: main-thread CPU per filter fill and clear 182-189 ms with it, 160-162
    // without (bench/ui-filter-profile.ts, interleaved). The 24 routes' manifest is sent up front instead.
    v3_lazyRouteDiscovery: false,
    v3_relativeSplatPath: true,
    v3_singleFetch: true,
    v3_throwAbortReason: true,
  },
};
