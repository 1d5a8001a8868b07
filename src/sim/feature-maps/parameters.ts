import { Network } from '../network.ts';
import { FEATURE_MAP_SETUP } from './setup.ts';

/** A trained network's weights and biases, as plain arrays that a worker can post. */
export interface NetworkParameters {
  /** weights[l], row-major [n_l][n_{l+1}], as {@link Network.weights} */
  weights: Float64Array[];
  /** biases[l], [n_{l+1}], as {@link Network.biases} */
  biases: Float64Array[];
}

/** A copy of `network`'s weights and biases. */
export function parametersOf(network: Network): NetworkParameters {
  return { weights: network.weights.map((w) => w.slice()), biases: network.biases.map((b) => b.slice()) };
}

/**
 * A network of the feature-map setup's shape (one example at a time, JavaScript kernels) holding
 * `parameters`; throws when their sizes are not the shape's.
 */
export function featureMapNetwork(parameters: NetworkParameters): Network {
  const network = new Network({ ...FEATURE_MAP_SETUP.training.shape, maxBatch: 1 }, 'javascript');
  const layers = network.layers;
  if (parameters.weights.length !== layers || parameters.biases.length !== layers) {
    throw new RangeError(`need ${layers} weight and bias layers, got ${parameters.weights.length}`);
  }
  network.weights.forEach((w, l) => {
    const given = parameters.weights[l]!;
    const bias = parameters.biases[l]!;
    if (given.length !== w.length || bias.length !== network.biases[l]!.length) {
      throw new RangeError(`layer ${l + 1}'s weights or biases are not of the setup's sizes`);
    }
    w.set(given);
    network.biases[l]!.set(bias);
  });
  return network;
}
