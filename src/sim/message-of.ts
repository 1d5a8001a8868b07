/**
 * The message of anything thrown, for a worker's error event or an island's error line. It lives
 * here, below both, because the workers may import only `src/sim`.
 */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
