import { defineConfig, type Plugin } from 'vite';

const gateway = process.env.MERIDIAN_URL ?? 'http://127.0.0.1:8080';

// The service worker (src/sw.ts) is built as /app/sw.js, not hashed (its URL must stay the same), and learns the
// hashed files of this build from the list written into it here: it caches them on install, so the app starts offline.
function precacheList(): Plugin {
  return {
    name: 'meridian-precache-list',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => name !== 'sw.js' && !name.endsWith('.map'));
      const sw = bundle['sw.js'];
      if (sw && sw.type === 'chunk') {
        const version = files.filter((name) => name.startsWith('assets/')).sort().join(',');
        const precache = { files, version: String(hash(version)) };
        sw.code = `self.MERIDIAN_PRECACHE = ${JSON.stringify(precache)};\n${sw.code}`;
      }
    },
  };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

export default defineConfig({
  base: '/app/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { index: 'index.html', sw: 'src/sw.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  plugins: [precacheList()],
  server: {
    port: 5173,
    proxy: {
      '/api': gateway,
      '/fhir': gateway,
      '/app/demo-sign-ins.json': gateway,
    },
  },
});
