/**
 * Saves a map file so that a crash at any moment leaves a complete file at the target: the old
 * version until the final rename, the new one after it. Steps:
 *   1. stage the new content in a temp file beside the target (written and fsynced);
 *   2. copy the current file to "<name>.bak", itself through a temp file and a rename;
 *   3. rename the staged file over the target, fsync the folder.
 * The target is only ever replaced by a rename, so it is never partial; "<name>.bak" is always
 * either the previous backup or a complete copy of the version being replaced. A failure before
 * step 3 leaves the target as it was. Temp files a crash left behind are removed on the next save.
 */
import { realpath, stat } from 'node:fs/promises';
import { removeStaleTempFiles, stageCopy, stageWrite } from './atomic-write.ts';
import { errorCode } from './file-errors.ts';

export const backupPathOf = (target: string): string => `${target}.bak`;

/** The file a symlink points to, so saving replaces the file rather than the link. */
async function resolveTarget(target: string): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return target;
    throw error;
  }
}

async function isExistingFile(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isFile();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Writes `content` to `target`, keeping the previous version as "<target>.bak". Throws fs errors. */
export async function writeMapFile(target: string, content: string): Promise<void> {
  const file = await resolveTarget(target);
  const backup = backupPathOf(file);
  await Promise.all([removeStaleTempFiles(file), removeStaleTempFiles(backup)]);
  const staged = await stageWrite(file, content);
  try {
    if (await isExistingFile(file)) await (await stageCopy(file, backup)).commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
}
