/**
 * Draws a QR code in the page: an SVG built with DOM calls (no markup strings), one white square
 * with the quiet zone and one black path over the dark modules, in module units, so it scales to
 * any size without blurring. The build draws the same picture for print (`QrCode.astro`).
 */
import { qrMatrix, qrPathData, qrSide } from './qr.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** An `<svg role="img">` holding the QR code of `text`, named `label` for assistive technology. */
export function qrSvg(doc: Document, text: string, label: string): SVGSVGElement {
  const matrix = qrMatrix(text);
  const side = qrSide(matrix);
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'qr-code');
  const background = doc.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(side));
  background.setAttribute('height', String(side));
  background.setAttribute('fill', '#fff');
  const modules = doc.createElementNS(SVG, 'path');
  modules.setAttribute('d', qrPathData(matrix));
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
