import { describe, expect, it } from 'vitest';
import { assemble, KERNELS, type KernelName } from '../../scripts/wasm/assemble.ts';
import { CLASSIFIER_WASM_BASE64 } from '../../src/sim/wasm/classifier-module.ts';
import { DENSE_WASM_BASE64 } from '../../src/sim/wasm/dense-module.ts';
import { NETWORK_WASM_BASE64 } from '../../src/sim/wasm/network-module.ts';

const COMMITTED: Record<KernelName, string> = {
  classifier: CLASSIFIER_WASM_BASE64,
  dense: DENSE_WASM_BASE64,
  network: NETWORK_WASM_BASE64,
};

describe('the committed WebAssembly modules', () => {
  // Each name twice: the title names the module and the source it is assembled from.
  it.each(KERNELS.map((name) => [name, name] as const))(
    '%s-module.ts holds exactly what %s.wat assembles to (run `npm run build:wasm` after editing it)',
    async (name) => {
      const committed = Uint8Array.from(atob(COMMITTED[name]), (c) => c.charCodeAt(0));
      expect([...committed]).toEqual([...(await assemble(name))]);
    },
  );
});
