import { storage, type StorageClients } from '../core/storage';
import type { PopulationFigure } from './classification';
import { dataOf, padVersion, platformTable, PLATFORM_TABLES, statusOf } from './platformTable';
import type { PopulationBody } from './schemas';

export interface StoredPopulationFigure extends PopulationFigure {
  recordedAt: string;
}

function same(a: PopulationBody, b: PopulationBody): boolean {
  return a.value === b.value && a.source === b.source && a.announcedOn === b.announcedOn;
}

/**
 * Official population figures, versioned: a correction is a new version of the year's figure, never an
 * overwrite, so every determination can name and reproduce the figure it used.
 */
export class PopulationStore {
  constructor(private readonly clients: StorageClients = storage()) {}

  async versions(year: number): Promise<StoredPopulationFigure[]> {
    const table = await platformTable(PLATFORM_TABLES.population, this.clients);
    const figures: StoredPopulationFigure[] = [];
    for await (const entity of table.listEntities<{ data: string }>({
      queryOptions: { filter: `PartitionKey eq '${year}'` },
    })) {
      figures.push(dataOf<StoredPopulationFigure>(entity));
    }
    return figures.sort((a, b) => a.version - b.version);
  }

  /** Records a figure; the same figure again changes nothing. */
  async put(
    year: number,
    body: PopulationBody,
    now: Date,
  ): Promise<{ figure: StoredPopulationFigure; created: boolean }> {
    const table = await platformTable(PLATFORM_TABLES.population, this.clients);
    for (let attempt = 0; ; attempt++) {
      const current = (await this.versions(year)).at(-1);
      if (current && same(current, body)) return { figure: current, created: false };
      const figure: StoredPopulationFigure = {
        year,
        version: (current?.version ?? 0) + 1,
        value: body.value,
        source: body.source,
        announcedOn: body.announcedOn,
        recordedAt: now.toISOString(),
      };
      try {
        await table.createEntity({
          partitionKey: String(year),
          rowKey: padVersion(figure.version),
          data: JSON.stringify(figure),
        });
        return { figure, created: true };
      } catch (error) {
        // Two writers took the same version number: read again and retry.
        if (statusOf(error) !== 409 || attempt >= 3) throw error;
      }
    }
  }

  /**
   * "The most recent official announcement" (Art. 17.2) at an instant: of the figures announced on or before
   * that day (Vietnam time), the one announced last; on the same day, the later year, then the later version.
   */
  async mostRecent(asOf: Date): Promise<StoredPopulationFigure | undefined> {
    const table = await platformTable(PLATFORM_TABLES.population, this.clients);
    const day = new Date(asOf.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    let best: StoredPopulationFigure | undefined;
    for await (const entity of table.listEntities<{ data: string }>()) {
      const figure = dataOf<StoredPopulationFigure>(entity);
      if (figure.announcedOn > day) continue;
      if (
        !best ||
        figure.announcedOn > best.announcedOn ||
        (figure.announcedOn === best.announcedOn &&
          (figure.year > best.year || (figure.year === best.year && figure.version > best.version)))
      ) {
        best = figure;
      }
    }
    return best;
  }
}
