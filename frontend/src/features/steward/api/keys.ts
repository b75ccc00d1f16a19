/** Query keys of the steward workbench (under one root: recording refreshes them all) and notices. */
export const stewardKeys = {
  all: ["steward"] as const,
  areas: ["steward", "areas"] as const,
  coverage: (areaId: string) => ["steward", "coverage", areaId] as const,
  worklist: (areaId: string) => ["steward", "worklist", areaId] as const,
  routes: (areaId: string) => ["steward", "routes", areaId] as const,
  cases: (areaId: string) => ["steward", "cases", areaId] as const,
  visits: (areaId: string) => ["steward", "visits", areaId] as const,
  visitPhotos: (visitId: string) => ["steward", "visit-photos", visitId] as const,
  visitPhoto: (visitId: string, photoId: string) => ["steward", "visit-photo", visitId, photoId] as const,
  patrols: (areaId: string) => ["steward", "patrols", areaId] as const,
  patrolPhotos: (patrolId: string, resultId: string) =>
    ["steward", "patrol-photos", patrolId, resultId] as const,
  patrolPhoto: (patrolId: string, resultId: string, photoId: string) =>
    ["steward", "patrol-photo", patrolId, resultId, photoId] as const,
};

export const noticeKeys = {
  all: ["notices"] as const,
  projects: ["notices", "projects"] as const,
};
