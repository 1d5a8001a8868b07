/**
 * The "Export" dialog of a simulation (src/components/ExportPanel.astro): when it opens, it lists
 * every chart the simulation shows at that moment, each with a button for an SVG file and one for
 * a PNG at twice its size, title and legend included (chart-image.ts); and the tables of its run,
 * with the run file and its replay (run-panel.ts).
 */
import { chartSvg, download, fileName, pageCharts, svgToPng, type PageChart } from './chart-image.ts';
import { exportRow, saveButton } from './dialog-rows.ts';
import { listRunData, wireReplay } from './run-panel.ts';

/** One chart's row: its title and its two download buttons. */
function chartRow(chart: PageChart, sim: string, status: HTMLElement): HTMLLIElement {
  const subject = `“${chart.title}”`;
  return exportRow(
    chart.title,
    saveButton('SVG', subject, status, () => {
      const svg = chartSvg(chart);
      download(new Blob([svg.text], { type: 'image/svg+xml' }), fileName(sim, chart.title, 'svg'));
      return Promise.resolve();
    }),
    saveButton('PNG', subject, status, async () =>
      download(await svgToPng(chartSvg(chart)), fileName(sim, chart.title, 'png')),
    ),
  );
}

/** Wires every export panel under `root`: on opening, list the charts and tables its simulation shows now. */
export function wireExportPanels(root: ParentNode): void {
  for (const panel of root.querySelectorAll<HTMLElement>('[data-export-panel]')) {
    const dialog = panel.querySelector('dialog');
    const opener = panel.querySelector<HTMLButtonElement>('.export-open-dialog');
    const list = panel.querySelector<HTMLElement>('[data-export-list]');
    const tables = panel.querySelector<HTMLElement>('[data-export-tables]');
    const status = panel.querySelector<HTMLElement>('[data-export-status]');
    const live = panel.closest('figure')?.querySelector('.sim-live');
    const { sim = 'chart', prefix = '' } = panel.dataset;
    if (!dialog || !opener || !list || !tables || !status || !live) continue;
    opener.addEventListener('click', () => {
      const charts = pageCharts(live);
      status.textContent = charts.length ? '' : 'The simulation shows no chart yet.';
      list.replaceChildren(...charts.map((chart) => chartRow(chart, sim, status)));
      listRunData(tables, sim, prefix, status);
      dialog.showModal();
    });
    wireReplay(panel, sim, prefix);
  }
}
