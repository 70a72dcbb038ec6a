/** Bytes as B, KiB or MiB (powers of two), the way every figure in the UI is written. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Bytes in MiB with two decimals, the unit of the memory table and summary; a dash where there is no figure. */
export function formatMiB(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? '—' : `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}
