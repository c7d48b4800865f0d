import { appClock, type Clock } from '../core/clock';
import { storage, type StorageClients } from '../core/storage';
import { notify } from '../notifications/notify';
import { DeterminationStore } from './determinationStore';
import { PlatformKeyStore } from './platformKeyStore';
import { PlatformRegistry } from './platformRegistry';
import { PlatformStore } from './platformStore';
import { PopulationStore } from './populationStore';
import { selfDeterminationActivities, type SelfDeterminationActivities } from './selfDeterminationActivities';
import { StatisticsStore } from './statisticsStore';

/** What the platforms triggers use, wired to the app's storage and clock. Built once per storage account. */
export interface PlatformsServices {
  clock: Clock;
  platforms: PlatformStore;
  keys: PlatformKeyStore;
  population: PopulationStore;
  statistics: StatisticsStore;
  determinations: DeterminationStore;
  registry: PlatformRegistry;
  activities: SelfDeterminationActivities;
}

const built = new WeakMap<StorageClients, PlatformsServices>();

export function platformsServices(clients: StorageClients = storage()): PlatformsServices {
  const existing = built.get(clients);
  if (existing) return existing;
  const platforms = new PlatformStore(clients);
  const keys = new PlatformKeyStore(clients);
  const statistics = new StatisticsStore(clients);
  const determinations = new DeterminationStore(clients);
  const services: PlatformsServices = {
    clock: appClock,
    platforms,
    keys,
    population: new PopulationStore(clients),
    statistics,
    determinations,
    registry: new PlatformRegistry({ platforms, keys, clock: appClock }),
    activities: selfDeterminationActivities({
      platforms,
      statistics,
      determinations,
      notify: (n, now) => notify(n, now),
    }),
  };
  built.set(clients, services);
  return services;
}
