/** Where each unit of a layered network is drawn. */
export interface UnitPosition {
  /** layer index, inputs first */
  layer: number;
  /** index within the layer */
  index: number;
  x: number;
  y: number;
}

/**
 * Positions units in columns, one per layer, evenly spaced across `width`, each column's
 * units centred vertically in `height` with `gap` pixels between centres (shrunk to fit).
 */
export function networkLayout(sizes: readonly number[], width: number, height: number, gap: number): UnitPosition[] {
  const columns = sizes.length;
  const largest = Math.max(...sizes);
  const spacing = Math.min(gap, height / Math.max(1, largest));
  const positions: UnitPosition[] = [];
  sizes.forEach((n, layer) => {
    const x = columns === 1 ? width / 2 : (width * (layer + 0.5)) / columns;
    const top = height / 2 - ((n - 1) * spacing) / 2;
    for (let index = 0; index < n; index++) positions.push({ layer, index, x, y: top + index * spacing });
  });
  return positions;
}
