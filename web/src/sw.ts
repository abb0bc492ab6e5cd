/// <reference lib="webworker" />
// The app's service worker (/app/sw.js, scope /app/): keeps this build's files so the app opens without a connection.
// It never caches the API: clinical data stays out of the Cache Storage, and the page keeps what it needs offline (the
// schedule, the questionnaires, the queued answers) in IndexedDB itself.
const worker = globalThis as unknown as ServiceWorkerGlobalScope & {
  MERIDIAN_PRECACHE?: { files: string[]; version: string };
};

// Written at the top of sw.js by the build (vite.config.ts): this build's files and a version naming its cache.
const FILES = worker.MERIDIAN_PRECACHE?.files ?? [];
const CACHE = `meridian-app-${worker.MERIDIAN_PRECACHE?.version ?? 'dev'}`;
const INDEX = '/app/index.html';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([INDEX, '/app/manifest.webmanifest', '/app/icon.svg', '/app/icon-192.png', ...FILES.map((file) => `/app/${file}`)]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('meridian-app-') && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith('/app/')) return;
  if (url.pathname === '/app/demo-sign-ins.json') return;
  if (request.mode === 'navigate') {
    // The network first, so a new build shows at once; the kept index when there is no connection.
    event.respondWith(fetch(request).catch(async () => (await caches.match(INDEX)) ?? Response.error()));
    return;
  }
  event.respondWith((async () => (await caches.match(request)) ?? fetch(request))());
});
