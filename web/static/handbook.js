// Registers the service worker that keeps the published handbook readable offline.
'use strict';
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/handbooks/sw.js', { scope: '/handbooks/' }).catch(() => {});
}
