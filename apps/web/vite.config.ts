import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { devServerFs } from "./dev-server-fs.ts";
import { loadWebEnv } from "./env.ts";

const env = loadWebEnv();

export default defineConfig({
  plugins: [react()],
  server: {
    port: env.WEB_PORT,
    strictPort: true,
    proxy: { "/trpc": { target: env.API_URL, changeOrigin: false } },
    ...devServerFs(),
  },
  preview: { port: env.WEB_PORT, strictPort: true, proxy: { "/trpc": { target: env.API_URL } } },
  build: { sourcemap: false },
});
