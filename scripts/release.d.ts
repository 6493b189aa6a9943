// Types for scripts/release.js (plain Node ESM, run by the release workflow), for its tests.
export interface VersionTag {
  tag: string;
  major: number;
  minor: number;
  patch: number;
  version: string;
}
export function parseTag(tag: string): VersionTag;
export function versionTags(tags: string[]): VersionTag[];
export function compareVersions(a: VersionTag, b: VersionTag): number;
export function changelogSection(changelog: string, version: string): string;
export function releaseProblems(release: { tag: string; packageVersion: unknown; changelog: string }): string[];
export function majorTagMove(release: { tag: string; tags: string[]; atMajorTag: string[] | null }): {
  major: string;
  move: boolean;
  latest: boolean;
  reason: string;
};
