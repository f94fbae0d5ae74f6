import type * as v from 'valibot';
import type { apiModelSchema, gpuSchema, profileSchema } from './catalog-schema';

/**
 * The catalogs the app ships (API prices, GPUs, self-hosting profiles): data files in this
 * folder, each entry with its source and as-of date. How they were built is in docs/catalog.md.
 * Their schemas (catalog-schema.ts) are checked by the test suite, so a malformed edit fails CI. The data is
 * loaded on demand (`loadCatalog`): the headline numbers do not need it, and it is a fifth of
 * the first download otherwise.
 */

export type ApiModelEntry = v.InferOutput<typeof apiModelSchema>;
export type GpuEntry = v.InferOutput<typeof gpuSchema>;
export type ProfileEntry = v.InferOutput<typeof profileSchema>;

export type Catalog = {
  apiModels: readonly ApiModelEntry[];
  gpus: readonly GpuEntry[];
  profiles: readonly ProfileEntry[];
  findApiModel: (id: string) => ApiModelEntry | undefined;
  findGpu: (id: string) => GpuEntry | undefined;
  findProfile: (id: string) => ProfileEntry | undefined;
};

let loading: Promise<Catalog> | null = null;

/** Loads the catalogs once (a separate chunk in the build). */
export function loadCatalog(): Promise<Catalog> {
  loading ??= Promise.all([
    import('./catalog/api-models.json'),
    import('./catalog/gpus.json'),
    import('./catalog/self-host-profiles.json'),
  ]).then(([api, gpus, profiles]) => {
    const apiModels = api.default.models as ApiModelEntry[];
    const gpuList = gpus.default.gpus as GpuEntry[];
    const profileList = profiles.default.profiles as ProfileEntry[];
    return {
      apiModels,
      gpus: gpuList,
      profiles: profileList,
      findApiModel: (id) => apiModels.find((m) => m.id === id),
      findGpu: (id) => gpuList.find((g) => g.id === id),
      findProfile: (id) => profileList.find((p) => p.id === id),
    };
  });
  return loading;
}
