/**
 * Work a page does only for paper (printed pictures, QR codes), done when it is printed or shown as
 * print rather than while it loads.
 */

/**
 * Runs `prepare` before the page is printed (`beforeprint` comes before the print layout, so what it
 * builds is printed) or shown as print, and at once if it already is (a PDF renderer's page).
 */
export function whenPrinted(prepare: () => void): void {
  const print = matchMedia('print');
  addEventListener('beforeprint', prepare);
  print.addEventListener('change', (event) => {
    if (event.matches) prepare();
  });
  if (print.matches) prepare();
}
