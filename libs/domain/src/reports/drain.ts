import type { Writable } from 'node:stream';

/**
 * Resolves once `out` takes more (its buffer drained); rejects when it closes or fails first, so a download the
 * client gave up on ends the export instead of leaving it waiting for ever.
 */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) {
    return Promise.reject(new Error('the download was closed before the export was written'));
  }
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the download was closed before the export was written'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}
