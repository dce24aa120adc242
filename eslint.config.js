import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

/**
 * Architecture boundaries (see README "Architecture"): core/ is the kernel both
 * sides stand on; app/ never reaches into server/; server/ never into app/;
 * room logic knows neither the socket library nor the database.
 */
const restrict = (...patterns) => ["error", { patterns }];
const boundaries = [
  {
    files: ["core/**/*.ts"],
    ignores: ["core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "^(?!(yjs|zod)$)(?!\\./)",
        message: "core/ imports only yjs, zod and itself.",
      }),
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "^(\\.\\./)+server(/|$)",
        message: "app/ must not import server/: reach server work through the load context (core/services.ts).",
      }),
    },
  },
  {
    files: ["server/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "(^|/|~)app(/|$)|^~/",
        message: "server/ must not import app/: shared code lives in core/.",
      }),
    },
  },
  {
    files: ["server/collab/**/*.ts"],
    ignores: ["server/collab/ws-endpoint.ts", "server/collab/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: "(^|/|~)app(/|$)|^~/", message: "server/ must not import app/: shared code lives in core/." },
        {
          regex: "^(ws|@prisma/.*|pg|better-sqlite3|ioredis)$|/db(/|$)",
          message: "Room logic knows neither the socket library nor the database: use the UpdateStore interface.",
        },
      ),
    },
  },
  {
    // One place writes activity rows (issue 8): everything else goes through addActivityEntry. The feed's batches
    // are written on the driver by its writers (PERF-77), the only code that names the table there.
    files: ["server/**/*.ts"],
    ignores: [
      "server/db/activity-log.ts",
      "server/db/sqlite-activity-writer.ts",
      "server/db/postgres-activity-writer.ts",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.property.name='activityEntry'][callee.property.name=/^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/]",
          message: "Activity rows are written only by server/db/activity-log.ts: use addActivityEntry.",
        },
        {
          selector: "CallExpression[callee.name='tableName'][arguments.0.value='ActivityEntry']",
          message: "Activity rows are written on the driver only by server/db/*-activity-writer.ts (PERF-77).",
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "generated/",
      "node_modules/",
      ".cache/",
      "test-results/",
      "playwright-report/",
      "server/db/sqlite/",
      "server/db/postgres/",
      "dist/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  ...boundaries,
);
