import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerRules } from "./eslint.layers.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...layerRules,
  globalIgnores([
    ".next-*/**",
    ".next/**",
    "node_modules/**",
    "data/**",
    "prisma/generated/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
