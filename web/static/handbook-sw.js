// The published handbook's service worker: every page of /handbooks/ and every asset it uses
// is kept once fetched, so that a handbook opened once on a phone can be read offline. The
// network is tried first so a reader online always sees the newest publication.
'use strict';
const CACHE = 'handbook-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.pathname.startsWith('/handbooks/') && !url.pathname.startsWith('/static/')) return;
  e.respondWith(fetch(e.request).then((resp) => {
    if (resp.ok) {
      const copy = resp.clone();
      caches.open(CACHE).then((c) => c.put(e.request, copy));
    }
    return resp;
  }).catch(() => caches.match(e.request, { ignoreSearch: url.pathname.startsWith('/static/') })
    .then((hit) => hit || Response.error())));
});
