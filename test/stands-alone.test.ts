// The repository stands alone: a clone in an empty folder has everything it needs, so no tracked
// file may point outside it at the team's workspace (its shared folder beside the repository).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
// Spelled in pieces so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\.[\\\\/]shared', ['', 'work', 'shared'].join('/')].join('|'));

it('no tracked file mentions the workspace outside the repository', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  expect(tracked.length).toBeGreaterThan(100);
  const offenders = tracked.filter((file) => {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'latin1');
    } catch {
      return false; // deleted in the working tree, not yet committed
    }
    return OUTSIDE.test(text);
  });
  expect(offenders).toEqual([]);
});
