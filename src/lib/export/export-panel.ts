/**
 * The "Export" dialog of a simulation (src/components/ExportPanel.astro): when it opens, it lists
 * every chart the simulation shows at that moment, each with a button for an SVG file and one for
 * a PNG at twice its size, title and legend included (chart-image.ts).
 */
import { chartSvg, download, fileName, pageCharts, svgToPng, type PageChart } from './chart-image.ts';

/** One chart's row: its title and its two download buttons. */
function chartRow(chart: PageChart, sim: string, status: HTMLElement): HTMLLIElement {
  const row = document.createElement('li');
  const name = document.createElement('span');
  name.textContent = chart.title;
  const button = (format: 'SVG' | 'PNG', save: () => Promise<void>) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = format;
    element.setAttribute('aria-label', `Download “${chart.title}” as ${format}`);
    element.addEventListener('click', () => {
      status.textContent = '';
      save().then(
        () => (status.textContent = `Downloaded “${chart.title}” as ${format}.`),
        (error: unknown) =>
          (status.textContent = `The ${format} file could not be made: ${error instanceof Error ? error.message : String(error)}.`),
      );
    });
    return element;
  };
  row.append(
    name,
    button('SVG', () => {
      const svg = chartSvg(chart);
      download(new Blob([svg.text], { type: 'image/svg+xml' }), fileName(sim, chart.title, 'svg'));
      return Promise.resolve();
    }),
    button('PNG', async () => download(await svgToPng(chartSvg(chart)), fileName(sim, chart.title, 'png'))),
  );
  return row;
}

/** Wires every export panel under `root`: on opening, list the charts its simulation shows now. */
export function wireExportPanels(root: ParentNode): void {
  for (const panel of root.querySelectorAll<HTMLElement>('[data-export-panel]')) {
    const dialog = panel.querySelector('dialog');
    const opener = panel.querySelector<HTMLButtonElement>('.export-open-dialog');
    const list = panel.querySelector<HTMLElement>('[data-export-list]');
    const status = panel.querySelector<HTMLElement>('[data-export-status]');
    const live = panel.closest('figure')?.querySelector('.sim-live');
    if (!dialog || !opener || !list || !status || !live) continue;
    const sim = panel.dataset['sim'] ?? 'chart';
    opener.addEventListener('click', () => {
      const charts = pageCharts(live);
      status.textContent = charts.length ? '' : 'The simulation shows no chart yet.';
      list.replaceChildren(...charts.map((chart) => chartRow(chart, sim, status)));
      dialog.showModal();
    });
  }
}
