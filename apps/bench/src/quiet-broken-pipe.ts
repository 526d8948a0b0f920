/**
 * A reader that stops early (`ratchet --help | head`, `ratchet runs | true`) closes the pipe; the next
 * write fails with EPIPE. Unix tools stop quietly then, so does Ratchet: exit 0 rather than an
 * unhandled-error trace. Any other stream error is still thrown.
 */
export function quietOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
