import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER_MAIN = path.join(REPO, 'server/dist/main.js');
export const WEB_INDEX = path.join(REPO, 'web/dist/index.html');
/** Screenshots and the server log; git-ignored. */
export const OUTPUT_DIR = path.join(REPO, 'e2e/output');
