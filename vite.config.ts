import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; the server serves the build from dist/web with a CSP that allows
// no inline script, so nothing here may inject one.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // The server compares Origin with Host on state-changing requests: keep the browser's Host.
      // Not the web app's own modules in src/web/api/ (/api/client.ts…): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?.*)?$)': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
