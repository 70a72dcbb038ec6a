/**
 * What the lab's writer and the workers' reader agree on about
 * my_database.xlsx, beyond the standard: where the sheet's deflate stream is
 * cut by full-flush points and the small part that indexes them. A flush
 * point resets the compressor's window and aligns to a byte, so inflating
 * can start there; that is what lets worker k read only its chunk.
 *
 * The file stays a standard xlsx: the index is a custom part declared in
 * `[Content_Types].xml` and the package relationships, which Excel,
 * LibreOffice and openpyxl leave alone.
 */

/** Data rows between two flush points of the sheet's deflate stream. */
export const ROWS_PER_FLUSH_BLOCK = 16_384;

/** The index part's name in the zip (no leading slash) and its content type. */
export const ROW_INDEX_PART = 'isolation-lab/row-index.xml';
export const ROW_INDEX_CONTENT_TYPE = 'application/vnd.isolation-lab.row-index+xml';

/** The index's XML namespace and the package relationship type that points to it. */
export const ROW_INDEX_NAMESPACE = 'urn:isolation-lab:row-index:1';
export const ROW_INDEX_RELATIONSHIP = 'urn:isolation-lab:relationships:row-index';
