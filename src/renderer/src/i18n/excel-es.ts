/**
 * The workbook's problems in Spanish, by the key the worker raises them with
 * (src/shared/excel-messages.ts holds the English and the keys). A test keeps
 * the keys and the placeholders of both the same.
 */
import type { ExcelMessageKey } from '../../../shared/excel-messages';

export const EXCEL_ES: Record<ExcelMessageKey, string> = {
  'file-missing': 'el archivo no existe (se buscó en {path})',
  'file-denied': 'no se puede leer el archivo (permiso denegado: {path})',
  'file-is-folder': 'esto es una carpeta, no un archivo Excel ({path})',
  'file-io': 'el disco no pudo leer el archivo ({path})',
  'file-empty': 'el archivo está vacío (0 bytes)',
  'write-disk-full':
    'no se puede escribir: el disco está lleno (ENOSPC): libera espacio o elige otra carpeta de datos',
  'write-quota':
    'no se puede escribir: se agotó la cuota de disco (EDQUOT): libera espacio o elige otra carpeta de datos',
  'write-denied':
    'no se puede escribir: permiso denegado ({code}): elige una carpeta de datos en la que puedas escribir',
  'write-read-only':
    'no se puede escribir: la carpeta está en un disco de solo lectura (EROFS): elige otra carpeta de datos',
  'write-no-folder': 'no se puede escribir: la carpeta de datos no existe (ENOENT)',
  'write-not-folder': 'no se puede escribir: la carpeta de datos no es una carpeta (ENOTDIR)',
  'write-io': 'no se puede escribir: el disco informó un error de entrada/salida (EIO)',
  'not-a-zip': 'no es un archivo .xlsx legible (el archivo no es un zip, o está cortado)',
  'zip-damaged': 'el archivo está dañado ({reason})',
  'too-many-parts':
    'el zip declara {count} partes; un archivo Excel tiene unas pocas docenas (se leen como máximo {max})',
  encrypted: '{part} está cifrada: el laboratorio lee archivos guardados sin contraseña',
  'compression-method':
    '{part} usa el método de compresión zip {method}; el laboratorio lee partes almacenadas o comprimidas con deflate, las que escribe Excel',
  'part-too-large':
    '{part} se descomprime en más de {limit} MiB, mucho más de lo que necesita una parte de un archivo Excel: el archivo está dañado o es malicioso',
  'part-size-mismatch':
    '{part} está dañada: contiene {actual} bytes y su encabezado dice {declared}',
  'part-crc': '{part} está dañada: sus bytes no coinciden con su suma de verificación CRC-32',
  'block-mismatch':
    '{part} está dañada: los bytes {start}–{end} no coinciden con el tamaño y el CRC-32 registrados para ellos',
  'range-outside': '{part}: los bytes {start}–{end} están fuera de la parte',
  'part-truncated': '{part} está dañada: el archivo termina dentro de ella',
  'local-header': '{part} está dañada: no se puede leer su encabezado local ({reason})',
  'data-unreadable': '{part} está dañada: no se pueden leer sus datos ({reason})',
  'zip-bomb':
    '{part} se descomprime en más de {ratio} veces su tamaño comprimido: el archivo es una bomba zip o está dañado',
  'declared-too-small':
    '{part} está dañada o es maliciosa: se descomprime en más de los {declared} bytes que declara su encabezado',
  'not-deflate': '{part} está dañada: sus datos comprimidos no se descomprimen ({reason})',
  'part-not-xml': '{part} no es XML válido ({reason})',
  'no-workbook': 'no es un archivo .xlsx legible: no tiene la parte del libro de trabajo ({part})',
  'sheet-no-rel-id': '{part}: la primera hoja no tiene identificador de relación (r:id)',
  'no-sheet': '{part} no declara ninguna hoja: el archivo Excel está vacío',
  'sheet-rel-missing': '{part} declara primero la hoja "{sheet}", pero falta su relación {id}',
  'sheet-part-missing':
    '{part} declara primero la hoja "{sheet}", en {target}, pero el archivo no tiene esa parte',
  'sheet-not-xml': 'la hoja no es XML válido ({reason})',
  'sheet-not-utf8': 'la hoja no es texto UTF-8 válido',
  'text-too-long': 'más de 1 MiB de texto sin etiquetas: la hoja está dañada o es maliciosa',
  'prolog-too-long':
    'la hoja tiene más de 1 MiB de marcado en una sola etiqueta antes de sus filas',
  'row-too-long':
    'la fila mide más de 1 MiB (una fila de my_data ocupa unos 40 bytes): el archivo está dañado o es malicioso',
  'sheet-empty':
    'la hoja está vacía: la fila 1 debería tener el encabezado "{column}" y las filas siguientes, los datos',
  'sheet-ends':
    'la tarea necesita las filas de datos {first} a {last}, pero la hoja termina después de {rows} filas de datos (su última fila es la {lastRow})',
  'row-number': 'una fila tiene el número "{given}": los números de fila son enteros de 1 a {max}',
  'duplicate-row': 'el número de fila aparece dos veces en la hoja',
  'row-out-of-order': 'la fila viene después de la fila {previous}: las filas están desordenadas',
  'header-row-missing':
    'la hoja empieza en la fila {row}, pero la fila 1 debería tener el encabezado "{column}"',
  'row-missing': 'falta la fila (la hoja pasa de la fila {previous} a la fila {next})',
  'rows-missing':
    'faltan las filas {first}–{last} (la hoja pasa de la fila {previous} a la fila {next})',
  'bad-reference': 'una celda tiene la referencia "{reference}", que no es una dirección de celda',
  'cell-in-wrong-row': 'la celda {reference} está dentro de la fila {row}: la hoja está dañada',
  'cell-empty': '"{column}" está vacía en esta fila',
  'number-too-large':
    '"{column}" debe tener un número, pero la celda tiene "{value}", demasiado grande para un número',
  'number-infinite': '"{column}" debe tener un número, pero la celda tiene {value}, un infinito',
  'number-nan': '"{column}" debe tener un número, pero la celda tiene NaN, "no es un número"',
  'not-decimal':
    '"{column}" debe tener un número, pero la celda tiene "{value}", que no es un número decimal',
  'formula-no-value':
    'la celda tiene una fórmula sin valor calculado; abre el archivo en Excel o LibreOffice y guárdalo para que lo almacene',
  'date-cell': 'la celda tiene una fecha (tiene formato de fecha u hora), no un número',
  'text-cell': '"{column}" debe tener un número, pero la celda tiene el texto "{text}"',
  'text-cell-unknown':
    '"{column}" debe tener un número, pero la celda tiene el texto compartido {index}, que el archivo no contiene',
  'formula-text':
    '"{column}" debe tener un número, pero la celda tiene el texto "{text}" (el resultado de una fórmula)',
  'boolean-cell': '"{column}" debe tener un número, pero la celda tiene el booleano {value}',
  'error-cell': '"{column}" debe tener un número, pero la celda tiene el valor de error "{value}"',
  'date-value':
    '"{column}" debe tener un número, pero la celda tiene la fecha "{value}", no un número',
  'unknown-type': 'la celda tiene el tipo desconocido t="{type}"',
  'header-no-text':
    'el encabezado de la columna A debería ser "{column}", pero la celda no tiene texto',
  'header-wrong': 'el encabezado de la columna A debería ser "{column}", pero es "{found}"',
};
