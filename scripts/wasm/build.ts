/** `npm run build:wasm`: assembles every src/sim/wasm/<name>.wat into src/sim/wasm/<name>-module.ts. */
import { writeFile } from 'node:fs/promises';
import { assemble, KERNELS, moduleFile, moduleSource } from './assemble.ts';

for (const name of KERNELS) {
  const bytes = await assemble(name);
  await writeFile(moduleFile(name), moduleSource(name, bytes));
  console.log(`${name}.wat: ${bytes.length} bytes → ${moduleFile(name).pathname}`);
}
