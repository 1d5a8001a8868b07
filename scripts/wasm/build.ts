/** `npm run build:wasm`: assembles src/sim/wasm/dense.wat into src/sim/wasm/dense-module.ts. */
import { writeFile } from 'node:fs/promises';
import { assembleDense, DENSE_MODULE, denseModuleSource } from './assemble.ts';

const bytes = await assembleDense();
await writeFile(DENSE_MODULE, denseModuleSource(bytes));
console.log(`dense.wat: ${bytes.length} bytes → ${DENSE_MODULE.pathname}`);
