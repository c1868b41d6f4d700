// Lint: correctness, React's rules of hooks, Next's rules, import order, and the layer boundaries
// that keep the vendor's credential on the server. `npm run lint` runs it; CI fails on any finding.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const serverOnly = {
  group: ["@/lib/server/*", "@/lib/server/**", "@/lib/simulator/*", "@/lib/simulator/**", "server-only"],
  message: "Client code may not import server-only modules: the vendor's credential and the database stay on the server.",
};
const nextLink = {
  name: "next/link",
  message: "Use Link from @/components/ui/link: the same navigation without next/link's 2.8 kB on every page.",
};
const clientOnly = {
  group: ["@/components/*", "@/components/**", "@/lib/**/*-query", "@/lib/**/use-*"],
  message: "Server modules may not import components or client query hooks.",
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench/out/**", "next-env.d.ts", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: { "import-x/internal-regex": "^@/" },
    rules: {
      // The rules of hooks. (react-hooks 7's other recommended rules diagnose code for the React
      // Compiler, which this console does not use.)
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Push icons are editors' image URLs on any host: next/image would need every host listed.
      "@next/next/no-img-element": "off",
      "import-x/no-duplicates": "error",
      "import-x/first": "error",
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"], "type"],
          "newlines-between": "never",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": ["error", { allow: ["info", "warn", "error"] }],
      "no-restricted-imports": ["error", { paths: [nextLink] }],
    },
  },
  {
    // Browser code: components, client hooks and the shared lib (everything but lib/server and the simulator).
    files: ["components/**", "lib/**", "app/**/providers.tsx"],
    ignores: ["lib/server/**", "lib/simulator/**"],
    rules: { "no-restricted-imports": ["error", { paths: [nextLink], patterns: [serverOnly] }] },
  },
  {
    files: ["lib/server/**", "lib/simulator/**", "app/api/**", "app/simulator/**"],
    rules: { "no-restricted-imports": ["error", { paths: [nextLink], patterns: [clientOnly] }] },
  },
  {
    // Only the configuration module reads the environment (Next's build-time constants aside).
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/server/config.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/server/config.ts." },
      ],
    },
  },
  {
    files: ["**/*.mjs", "scripts/**", "bench/**", "e2e/**", "tests/**"],
    rules: { "no-console": "off" },
  },
);
