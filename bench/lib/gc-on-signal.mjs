// Preloaded into the cinnabar-server process by the memory bench only
// (`node --expose-gc --import bench/lib/gc-on-signal.mjs bin/cinnabar-server.js`):
// SIGUSR2 runs a full garbage collection, so used_memory can be read as live bytes, which is
// what Redis's used_memory counts. The server itself is unchanged.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
});
