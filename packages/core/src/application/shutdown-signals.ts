/** NestJS's `ShutdownSignal`: the signals `enableShutdownHooks()` listens to by default. */
export enum ShutdownSignal {
  SIGHUP = 'SIGHUP',
  SIGINT = 'SIGINT',
  SIGQUIT = 'SIGQUIT',
  SIGILL = 'SIGILL',
  SIGTRAP = 'SIGTRAP',
  SIGABRT = 'SIGABRT',
  SIGBUS = 'SIGBUS',
  SIGFPE = 'SIGFPE',
  SIGSEGV = 'SIGSEGV',
  SIGUSR2 = 'SIGUSR2',
  SIGTERM = 'SIGTERM',
}

/**
 * Listens for shutdown signals; on the first one, runs `close(signal)` and re-raises the signal
 * so the process exits with the conventional status (as NestJS does). Returns an `off()` that
 * removes the listeners.
 */
export function listenForShutdown(
  signals: readonly string[],
  close: (signal: string) => Promise<void>,
  onError: (error: unknown) => void,
): () => void {
  const unique = [...new Set(signals.map((s) => s.toUpperCase()))];
  const off = () => unique.forEach((signal) => process.removeListener(signal, handler));
  const handler = async (signal: NodeJS.Signals) => {
    off();
    try {
      await close(signal);
      process.kill(process.pid, signal);
    } catch (error) {
      onError(error);
      process.exit(1);
    }
  };
  unique.forEach((signal) => process.on(signal, handler));
  return off;
}
