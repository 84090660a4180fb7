// Stops what the scripts started (server process groups, browsers) on normal exit, on an
// error and on Ctrl-C, so no VS Code server is left running.
const tasks = new Set();

/** Registers `task` (sync or async) and returns a function that runs it once and unregisters it. */
function onCleanup(task) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    tasks.delete(once);
    await task();
  };
  tasks.add(once);
  return once;
}

async function cleanupAll() {
  for (const task of [...tasks].reverse()) {
    try {
      await task();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping VS Code server and browser`);
    cleanupAll().finally(() => process.exit(130));
  });
}

// Last resort when the process exits without running the async cleanup (an uncaught error,
// process.exit elsewhere): kill the registered process groups synchronously.
const groups = new Set();
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});

/** Remembers a process group to kill when this process exits; returns a function that forgets it. */
function trackGroup(pid) {
  groups.add(pid);
  return () => groups.delete(pid);
}

/** Sends a signal to a whole process group, ignoring one that already ended. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

module.exports = { onCleanup, cleanupAll, killGroup, trackGroup };
