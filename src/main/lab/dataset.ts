/**
 * The tutorial's `my_global_df`: one column `my_data` holding 0 … rows-1
 * (np.arange), kept as a Float64Array. Integers below 2^53 are exact in it and
 * its size is exactly 8 bytes per row, so the bytes each process holds can be
 * counted, not guessed.
 */
import { DATASET_COLUMN } from '../../shared/lessons';

export interface DataFrame {
  columns: [typeof DATASET_COLUMN];
  shape: [number, 1];
  my_data: Float64Array;
}

/** Builds the dataset with `rows` rows. */
export function makeDataFrame(rows: number): DataFrame {
  const data = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) data[i] = i;
  return { columns: [DATASET_COLUMN], shape: [rows, 1], my_data: data };
}

/** The parent's dataset, kept between runs with the same row count (the notebook builds it once). */
export class DatasetStore {
  private current: DataFrame | null = null;

  get(rows: number): DataFrame {
    if (!this.current || this.current.shape[0] !== rows) {
      this.current = null; // Let the old one go before allocating the new one.
      this.current = makeDataFrame(rows);
    }
    return this.current;
  }

  release(): void {
    this.current = null;
  }
}
