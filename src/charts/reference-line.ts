import type { Scale } from './scales.ts';

/**
 * The props every reference line layer takes: Marker.svg.svelte stands vertical at an x value,
 * Rule.svg.svelte lies horizontal at a y value, each across the whole plotting area.
 */
export interface ReferenceLineProps {
  /** where the line stands, in data units: an x for a vertical line, a y for a horizontal one */
  value: number;
  xScale: Scale;
  yScale: Scale;
  /** text beside the line, at the end where the layer puts it */
  label: string;
  /** CSS class that sets the stroke (see `charts.css`) */
  tone?: string;
}
