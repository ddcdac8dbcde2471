// Preloaded by `npm run sim` and `npm run watch` (node --import): ends the process when the
// shell npm started it from is gone. On SIGTERM npm signals only that shell (sh -c), and dash
// dies without passing the signal on, so the simulator went on serving and the watcher polling
// with no npm left to stop them. A process whose parent died is handed to another one (init or
// a subreaper): its parent id changes, and then it ends as if it had been sent the SIGTERM.
// Windows keeps the old parent id, so there this does nothing.
const parent = process.ppid;
const check = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(check);
  process.kill(process.pid, 'SIGTERM');
}, 250);
// Never what keeps the process alive: a program that has finished still exits at once.
check.unref();
