import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { stripeStandIn } from "./dev/stripe-dev-plugin.ts";
import { devServerFs } from "./dev-server-fs.ts";
import { loadWebEnv } from "./env.ts";

const env = loadWebEnv();

export default defineConfig({
  plugins: [react(), stripeStandIn(env.DEV_STRIPE_RELAY_URL)],
  server: {
    port: env.WEB_PORT,
    strictPort: true,
    proxy: { "/trpc": { target: env.API_URL, changeOrigin: false } },
    ...devServerFs(),
  },
  preview: { port: env.WEB_PORT, strictPort: true, proxy: { "/trpc": { target: env.API_URL } } },
  build: { sourcemap: false },
});
