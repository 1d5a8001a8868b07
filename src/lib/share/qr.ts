/**
 * QR codes of links, as data: the module matrix from `qrcode-generator`, and one SVG path that
 * covers its dark modules. The picture is drawn from the path by the build (`QrCode.astro`) and by
 * the browser (`qr-svg.ts`), always dark on white with the quiet zone the standard asks for.
 */
import qrcode from 'qrcode-generator';

/** Light modules around the code on every side: ISO/IEC 18004 asks for four. */
export const QUIET_ZONE = 4;

/** A QR code's modules, row by row: `true` for a dark module. */
export type ModuleMatrix = readonly (readonly boolean[])[];

/**
 * The QR code of `text` (error correction level M, the smallest version that holds it). The
 * text is encoded as UTF-8 bytes: the library's default keeps only the low byte of each character.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  code.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  code.make();
  const size = code.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
}

/** The side of the square picture of a matrix, in modules, quiet zone included. */
export function qrSide(matrix: ModuleMatrix, margin = QUIET_ZONE): number {
  return matrix.length + 2 * margin;
}

/**
 * The `d` of one SVG path covering every dark module, in module units, shifted by `margin`: one
 * rectangle per horizontal run of dark modules (`M x y h run v1 h -run z`), so a code of a few
 * thousand modules stays a path of a few hundred commands and shows no seams between modules.
 */
export function qrPathData(matrix: ModuleMatrix, margin = QUIET_ZONE): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      const run = x - start;
      parts.push(`M${start + margin} ${y + margin}h${run}v1h-${run}z`);
    }
  });
  return parts.join('');
}
