// Stopping a long run of `npm run bench:hpo` cleanly (every kind that can resume): the first
// signal asks the runner to stop after the study under way, so that it still removes its
// workspace and output base and what it finished stays saved, for --resume.

/**
 * A run that is told to stop (kill, or Ctrl-C, which also interrupts the build under way) stops
 * after the study under way and still removes its workspace and output base; what it finished
 * is saved, for --resume. A second signal stops at once.
 */
export function stopOnSignal(): { stopping: () => boolean; release: () => void } {
  let stop = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stop) process.exit(130);
    stop = true;
    console.error(`[bench:hpo] ${signal}: stopping after the study under way, then removing the workspace (again to stop at once).`);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    stopping: () => stop,
    release: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
