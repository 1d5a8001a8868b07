/**
 * A simulation's printed picture (its Printed.svelte) rendered on the server, as the build renders
 * it in a lesson, and its chart's `<svg>` taken out of the HTML around it (legends, titles, tiles).
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { StateValues } from '../share/permalink.ts';

/** One chart of a printed picture: its SVG, its size in CSS pixels and what wraps it on the page. */
export interface PrintedChart {
  /** the `<svg>` element as rendered, hydration markers removed */
  svg: string;
  /** width and height in CSS pixels: its attributes, or its viewBox where it has none */
  width: number;
  height: number;
  /** the classes of the element around it (`chart`, `heatmap`), which charts.css's selectors start from */
  wrapper: string;
}

/** HTML's named characters that Svelte may write and XML does not know, by their code points. */
const HTML_ENTITIES: Record<string, string> = { nbsp: '&#160;', thinsp: '&#8201;', times: '&#215;', minus: '&#8722;' };

/** A number attribute of an opening tag, if it has one. */
function numberAttribute(tag: string, name: string): number | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : Number(value);
}

/** Every chart of `html`, in order: each `<svg>` at the top level of its figure (charts do not nest them). */
export function chartsOf(html: string): PrintedChart[] {
  const clean = html.replace(/<!--[^>]*-->/g, '').replace(/&(\w+);/g, (entity, name: string) => {
    if (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) return entity;
    const code = HTML_ENTITIES[name];
    if (!code) throw new Error(`a printed picture writes &${name};, which its SVG cannot carry`);
    return code;
  });
  return [...clean.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((match) => {
    const svg = match[0];
    const open = svg.slice(0, svg.indexOf('>') + 1);
    const viewBox = /\sviewBox="([^"]*)"/
      .exec(open)?.[1]
      ?.split(/[\s,]+/)
      .map(Number);
    const width = numberAttribute(open, 'width') ?? viewBox?.[2];
    const height = numberAttribute(open, 'height') ?? viewBox?.[3];
    if (!width || !height) throw new Error(`a printed picture's <svg> has neither a size nor a viewBox: ${open}`);
    const before = clean.slice(0, match.index);
    const parent = before.slice(before.lastIndexOf('<'));
    return { svg, width, height, wrapper: /\sclass="([^"]*)"/.exec(parent)?.[1] ?? '' };
  });
}

/**
 * The chart a simulation's picture stands for: the first one the printed picture names as printed
 * (its accessible name begins "Printed"), so a small illustration beside it (the digit a map is
 * made from) is passed over; else its first chart.
 */
export function mainChart(charts: readonly PrintedChart[]): PrintedChart | undefined {
  return charts.find((chart) => /\saria-label="Printed/.test(chart.svg.slice(0, chart.svg.indexOf('>')))) ?? charts[0];
}

/**
 * The main chart of simulation `id`'s printed picture of `state`. A picture that fails to render,
 * or draws no chart, throws an error that names the simulation.
 */
export function printedChart(id: string, picture: Component<{ state: StateValues }>, state: StateValues): PrintedChart {
  let chart: PrintedChart | undefined;
  try {
    chart = mainChart(chartsOf(render(picture, { props: { state } }).body));
  } catch (error) {
    throw new Error(
      `simulation ${id}: its printed picture (src/islands/${id}/Printed.svelte) could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!chart)
    throw new Error(`simulation ${id}: its printed picture (src/islands/${id}/Printed.svelte) draws no <svg>`);
  return chart;
}
