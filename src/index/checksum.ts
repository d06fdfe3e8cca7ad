import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Bytes read per step while following a file being written. */
const FOLLOW_CHUNK = 4 << 20;
const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

/**
 * The sha256 and size of a file that another writer (native code writing to a path) is creating,
 * hashed as the writer appends to it rather than re-read once it is complete: each read takes the
 * bytes just written from the page cache, so hashing overlaps writing. The file must not exist
 * before the writer creates it, and the writer must only append (hnswlib's saveIndex does).
 * Resolves once `writing` has settled and every byte up to the end of the file is hashed; rejects
 * with the writer's error when it fails.
 */
export async function sha256AsWritten(file: string, writing: Promise<unknown>): Promise<{ sha256: string; bytes: number }> {
  let finished = false;
  const settled = writing.then(
    () => void (finished = true),
    () => void (finished = true),
  );
  let handle: FileHandle | null = null;
  try {
    while (!handle) {
      const wasFinished = finished;
      handle = await fs.open(file, 'r').catch((err: NodeJS.ErrnoException) => {
        // Not created yet: wait for the writer, unless it is already done (then it failed, or wrote elsewhere).
        if (err.code !== 'ENOENT' || wasFinished) throw err;
        return null;
      });
      if (!handle) await pause();
    }
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(FOLLOW_CHUNK);
    let bytes = 0;
    for (;;) {
      // Read after noting whether the writer was done: then an empty read is the true end of the file.
      const wasFinished = finished;
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
      if (bytesRead > 0) {
        hash.update(buffer.subarray(0, bytesRead));
        bytes += bytesRead;
      } else if (wasFinished) {
        break;
      } else {
        await pause();
      }
    }
    await writing;
    return { sha256: hash.digest('hex'), bytes };
  } catch (err) {
    // The writer's failure is the one to report; ours (e.g. no file) follows from it.
    await writing;
    throw err;
  } finally {
    await handle?.close();
    await settled;
  }
}
