#!/usr/bin/env node
// What the release workflow (.github/workflows/release.yml) decides, kept where it can be run and
// tested outside GitHub: that a tag's package.json version and CHANGELOG section match it, the
// release notes (the tag's CHANGELOG section), and where the major tag goes. It reads the
// repository it is run in (package.json, CHANGELOG.md, git tags) and publishes nothing: the
// workflow does that with what it prints and writes to GITHUB_OUTPUT.
//
//   node scripts/release.js check v1.2.3      the version and the CHANGELOG match the tag
//   node scripts/release.js notes v1.2.3      the release notes, on stdout
//   node scripts/release.js major-tag v1.2.3  whether v1 moves to v1.2.3, and the commit
//   node scripts/release.js v1.2.3            all three: a dry run of a release, locally
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TAG = /^v(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/** `v1.2.3` as numbers; anything else (a pre-release, `1.2.3`, `v1.2`) is refused, naming it. */
export function parseTag(tag) {
  const m = TAG.exec(String(tag));
  if (!m) throw new Error(`release tag: ${JSON.stringify(String(tag).slice(0, 80))} is not v<major>.<minor>.<patch> (e.g. v1.2.3)`);
  const [major, minor, patch] = m.slice(1).map(Number);
  return { tag, major, minor, patch, version: `${major}.${minor}.${patch}` };
}

/** The version tags among `tags` (`v1`, `v1.2.3-rc.1` and other names are not). */
export function versionTags(tags) {
  return tags.filter((t) => TAG.test(t)).map(parseTag);
}

/** < 0, 0 or > 0 as `a` is older than, the same as or newer than `b`. */
export function compareVersions(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * The body of the CHANGELOG's `## [<name>]` section (a date after it is allowed), without the link
 * definitions Keep a Changelog puts at the end of the file; null when there is no such section.
 */
function section(changelog, name) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\](?:\\s+-\\s+\\S.*)?\\s*$`, 'i');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return null;
  const end = lines.findIndex((line, i) => i > start && /^#{1,2} /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]:\s/.test(line))
    .join('\n')
    .trim();
}

/** The release notes of `version`: its CHANGELOG section. Throws if there is none or it is empty. */
export function changelogSection(changelog, version) {
  const body = section(changelog, version);
  if (body === null) throw new Error(`CHANGELOG.md has no "## [${version}]" section: move the Unreleased entries under it`);
  if (!body) throw new Error(`CHANGELOG.md's "## [${version}]" section is empty`);
  return `${body}\n`;
}

/** The problems that stop `tag` from being released from this package.json and CHANGELOG. */
export function releaseProblems({ tag, packageVersion, changelog }) {
  const { version } = parseTag(tag);
  const problems = [];
  if (packageVersion !== version) {
    problems.push(`package.json's version is ${JSON.stringify(packageVersion)}, not "${version}" as the tag ${tag} says`);
  }
  try {
    changelogSection(changelog, version);
  } catch (error) {
    problems.push(error.message);
  }
  // Entries left under Unreleased would ship in this release without being in its notes.
  if (section(changelog, 'Unreleased'))
    problems.push(`CHANGELOG.md's Unreleased section is not empty: move its entries under "## [${version}]"`);
  return problems;
}

/**
 * Whether the major tag (`v1` for v1.2.3) moves to `tag`. It moves forward only: not to an older
 * patch released later (a newer v1.x.y exists, or the major tag already names one), never from a
 * commit another major's release names (which throws), and not from a commit no v<major>.x.y
 * names (moved by hand: that throws too, for a person to look at). `latest`: whether `tag` is the
 * newest release of all, which GitHub shows as the repository's latest.
 *
 * @param tag the new release's tag
 * @param tags every tag in the repository
 * @param atMajorTag the tags on the commit the major tag names now, or null when there is no major tag
 */
export function majorTagMove({ tag, tags, atMajorTag }) {
  const release = parseTag(tag);
  const major = `v${release.major}`;
  const others = versionTags(tags).filter((t) => t.tag !== tag);
  const newest = (list) => list.reduce((a, b) => (a && compareVersions(a, b) >= 0 ? a : b), undefined);
  const latest = others.every((t) => compareVersions(t, release) < 0);

  if (atMajorTag !== null) {
    const there = versionTags(atMajorTag);
    const foreign = there.find((t) => t.major !== release.major);
    if (foreign) throw new Error(`${major} names the commit of ${foreign.tag}, another major's release: refusing to move it across majors`);
    if (there.length === 0) {
      throw new Error(
        `${major} names a commit that no ${major}.x.y tag names (moved by hand?): refusing to move it; see docs/releasing.md`,
      );
    }
    const current = newest(there);
    if (compareVersions(current, release) > 0) {
      return { major, move: false, latest, reason: `${major} stays at ${current.tag}, which is newer than ${tag}` };
    }
  }
  const newer = newest(others.filter((t) => t.major === release.major && compareVersions(t, release) > 0));
  if (newer) return { major, move: false, latest, reason: `${major} stays: ${newer.tag} is newer than ${tag}` };
  return { major, move: true, latest, reason: `${major} moves to ${tag}` };
}

// ---- the command line: the repository in the working directory, git for its tags ----

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const lines = (text) => text.split('\n').filter(Boolean);

/** The commit `ref` names, or null when there is no such ref. */
function commitOf(ref) {
  try {
    return git('rev-parse', '--quiet', '--verify', `${ref}^{commit}`);
  } catch {
    return null;
  }
}

function check(tag) {
  const packageVersion = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version;
  const changelog = readFileSync(join(process.cwd(), 'CHANGELOG.md'), 'utf8');
  const problems = releaseProblems({ tag, packageVersion, changelog });
  if (problems.length > 0) throw new Error(`${tag} cannot be released:\n  ${problems.join('\n  ')}`);
  return changelogSection(changelog, parseTag(tag).version);
}

function majorTag(tag) {
  const { major } = parseTag(tag);
  const sha = commitOf(`refs/tags/${tag}`);
  const target = commitOf(`refs/tags/v${major}`);
  const decision = majorTagMove({ tag, tags: lines(git('tag', '--list')), atMajorTag: target && lines(git('tag', '--points-at', target)) });
  return { ...decision, sha: sha ?? commitOf('HEAD') };
}

/** Appends `name=value` lines to the step's outputs, when run as a step. */
function outputs(values) {
  if (!process.env.GITHUB_OUTPUT) return;
  appendFileSync(
    process.env.GITHUB_OUTPUT,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
}

function main([command, tag]) {
  if (command === undefined || (['check', 'notes', 'major-tag'].includes(command) && tag === undefined)) {
    throw new Error('usage: node scripts/release.js [check|notes|major-tag] v<major>.<minor>.<patch>');
  }
  if (command === 'check') {
    check(tag);
    console.log(`${tag}: package.json and CHANGELOG.md match`);
  } else if (command === 'notes') {
    process.stdout.write(check(tag));
  } else if (command === 'major-tag') {
    const { major, move, latest, reason, sha } = majorTag(tag);
    console.log(reason);
    outputs({ major, move, latest, sha });
  } else {
    // A dry run: `node scripts/release.js v1.2.3`.
    tag = command;
    const notes = check(tag);
    const { move, latest, reason, sha } = majorTag(tag);
    const at = commitOf(`refs/tags/${tag}`) ? sha : `${sha} (HEAD: ${tag} is not tagged yet)`;
    console.log(`Dry run: nothing is published.\n\nRelease ${tag} at ${at}${latest ? ', the latest release' : ''}.`);
    console.log(`${reason}${move ? '' : ' (not moved)'}.\n\nNotes:\n\n${notes}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
