import type { Network, NetworkShape } from './network.ts';
import { compileKernels, instantiateKernels, type KernelMemory } from './wasm/compile.ts';
import { DENSE_WASM_BASE64 } from './wasm/dense-module.ts';

/**
 * Evaluation passes in single precision through the WebAssembly SIMD kernels of
 * wasm/dense.wat, for batches where every product is needed and a picture is the result:
 * the lab's decision maps evaluate 1 600 cells per run after every few epochs. Training,
 * losses and every number the course prints stay in the Float64 {@link Network}. Outputs
 * agree with it to about 1e-6 (tested).
 */

interface DenseKernels {
  memory: KernelMemory;
  affine(x: number, w: number, b: number, z: number, batch: number, nIn: number, nOut: number): void;
  tanh(pointer: number, count: number): void;
  relu(pointer: number, count: number): void;
}

/** Examples per kernel call: a chunk's activations of every layer stay in cache. */
const CHUNK = 64;
const pad4 = (n: number) => (n + 3) & ~3;

/** Where a layer's parameters sit in the kernels' memory, in floats. */
interface LayerLayout {
  weights: number;
  biases: number;
  /** input width as laid out: the data's own width for layer 0, then padded widths */
  rows: number;
  /** output width padded to a multiple of 4 */
  columns: number;
}

/** A network's evaluation pass in single precision; one instance per network shape. */
export class Float32Forward {
  readonly shape: Pick<NetworkShape, 'sizes' | 'activation' | 'output'>;
  readonly #kernels: DenseKernels;
  readonly #memory: Float32Array;
  readonly #layers: LayerLayout[];
  readonly #input: number;
  readonly #buffers: readonly [number, number];

  /** Whether this engine runs the kernels (WebAssembly SIMD, not refused by the page's policy). */
  static get available(): boolean {
    return compileKernels(DENSE_WASM_BASE64) !== null;
  }

  constructor(shape: Pick<NetworkShape, 'sizes' | 'activation' | 'output'>) {
    const module = compileKernels(DENSE_WASM_BASE64);
    if (module === null) throw new Error('WebAssembly SIMD is not available here');
    this.shape = { ...shape, sizes: [...shape.sizes] };
    const { sizes } = shape;
    let next = 0;
    const take = (floats: number) => {
      const at = next;
      next += pad4(floats);
      return at;
    };
    this.#layers = sizes.slice(1).map((n, l) => {
      const rows = l === 0 ? sizes[0]! : pad4(sizes[l]!);
      const columns = pad4(n);
      return { weights: take(rows * columns), biases: take(columns), rows, columns };
    });
    const widest = Math.max(...this.#layers.map((layer) => layer.columns));
    this.#input = take(CHUNK * sizes[0]!);
    this.#buffers = [take(CHUNK * widest), take(CHUNK * widest)];
    this.#kernels = instantiateKernels<DenseKernels>(module, next * 4);
    this.#memory = new Float32Array(this.#kernels.memory.buffer);
  }

  /**
   * Copies the parameters of `network` (of this shape) in, each weight of layer l times
   * `factors[l]`: the evaluation rule's constant multiplier of layer l's activations.
   */
  load(network: Network, factors: readonly number[]): void {
    const memory = this.#memory;
    this.#layers.forEach((layer, l) => {
      const nIn = this.shape.sizes[l]!;
      const nOut = this.shape.sizes[l + 1]!;
      const w = network.weights[l]!;
      const b = network.biases[l]!;
      const factor = factors[l] ?? 1;
      memory.fill(0, layer.weights, layer.weights + layer.rows * layer.columns);
      memory.fill(0, layer.biases, layer.biases + layer.columns);
      for (let j = 0; j < nIn; j++) {
        for (let i = 0; i < nOut; i++) memory[layer.weights + j * layer.columns + i] = factor * w[j * nOut + i]!;
      }
      for (let i = 0; i < nOut; i++) memory[layer.biases + i] = b[i]!;
    });
  }

  /**
   * The outputs ([count][n_out]) of the loaded network for `count` examples of `inputs`
   * ([count][n_0]), written to `out` from `offset`: probabilities for a sigmoid output,
   * values for a linear one.
   */
  forward(inputs: Float64Array, count: number, out: Float64Array, offset = 0): void {
    const { sizes, activation, output } = this.shape;
    const nInput = sizes[0]!;
    const nOutput = sizes[sizes.length - 1]!;
    const kernels = this.#kernels;
    const memory = this.#memory;
    for (let start = 0; start < count; start += CHUNK) {
      const batch = Math.min(CHUNK, count - start);
      memory.set(inputs.subarray(start * nInput, (start + batch) * nInput), this.#input);
      let from = this.#input;
      this.#layers.forEach((layer, l) => {
        const to = this.#buffers[l % 2]!;
        kernels.affine(from * 4, layer.weights * 4, layer.biases * 4, to * 4, batch, layer.rows, layer.columns);
        if (l < this.#layers.length - 1) {
          if (activation === 'relu') kernels.relu(to * 4, batch * layer.columns);
          else kernels.tanh(to * 4, batch * layer.columns);
        }
        from = to;
      });
      const columns = this.#layers[this.#layers.length - 1]!.columns;
      for (let e = 0; e < batch; e++) {
        for (let k = 0; k < nOutput; k++) {
          const z = memory[from + e * columns + k]!;
          out[offset + (start + e) * nOutput + k] = output === 'sigmoid-bce' ? 1 / (1 + Math.exp(-z)) : z;
        }
      }
    }
  }
}
