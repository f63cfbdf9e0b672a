import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { loadWebEnv } from "./env.ts";

const env = loadWebEnv();

export default defineConfig({
  plugins: [react()],
  server: {
    port: env.WEB_PORT,
    strictPort: true,
    proxy: { "/trpc": { target: env.API_URL, changeOrigin: false } },
  },
  preview: { port: env.WEB_PORT, strictPort: true, proxy: { "/trpc": { target: env.API_URL } } },
  build: { sourcemap: false },
});
