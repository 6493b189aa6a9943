/**
 * scripts/release.js: what the release workflow decides before it publishes anything (the tag,
 * package.json and CHANGELOG agree; the notes; whether the major tag moves), and its command line
 * run as the workflow runs it, on a git repository of the test's own.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changelogSection, majorTagMove, parseTag, releaseProblems } from '../../scripts/release.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'release.js');
// The command-line tests run git and node a dozen times each: generous, for a loaded machine.
const CLI_TIMEOUT = 60_000;

const changelog = (...sections: string[]): string =>
  [
    '# Changelog',
    '',
    'Intro text.',
    '',
    '## [Unreleased]',
    '',
    ...sections,
    '[Unreleased]: https://github.com/o/r/compare/v1.1.0...HEAD',
    '[1.1.0]: https://github.com/o/r/releases/tag/v1.1.0',
    '',
  ].join('\n');
const V110 = '## [1.1.0] - 2026-11-30\n\n### Added\n\n- `keep`: a name to keep the set under.\n\n### Fixed\n\n- A bug.\n';
const V100 = '## [1.0.0]\n\n### Added\n\n- The action.\n';

describe('parseTag', () => {
  test.each([
    ['v1.2.3', 1, 2, 3],
    ['v0.0.0', 0, 0, 0],
    ['v10.20.30', 10, 20, 30],
  ])('reads %s', (tag, major, minor, patch) => {
    expect(parseTag(tag)).toEqual({ tag, major, minor, patch, version: `${major}.${minor}.${patch}` });
  });

  test.each(['1.2.3', 'v1.2', 'v1', 'v1.2.3-rc.1', 'v01.2.3', 'v1.2.3\nv9.9.9', 'refs/tags/v1.2.3', ''])(
    'refuses %j, naming it and what is accepted',
    (tag) => {
      expect(() => parseTag(tag)).toThrow(`release tag: ${JSON.stringify(tag)} is not v<major>.<minor>.<patch>`);
    },
  );
});

describe('changelogSection', () => {
  const text = changelog(V110, V100);

  test("is the version's section, without its heading, the next section or the link definitions", () => {
    expect(changelogSection(text, '1.1.0')).toBe('### Added\n\n- `keep`: a name to keep the set under.\n\n### Fixed\n\n- A bug.\n');
    expect(changelogSection(text, '1.0.0')).toBe('### Added\n\n- The action.\n');
  });

  test('is refused when the version has no section, or an empty one', () => {
    expect(() => changelogSection(text, '1.2.0')).toThrow('CHANGELOG.md has no "## [1.2.0]" section');
    expect(() => changelogSection(changelog('## [1.2.0]\n', V110), '1.2.0')).toThrow('"## [1.2.0]" section is empty');
  });

  test('does not take 1.1.0 for 1x1y0 or 1.1.0 for 1.1.01', () => {
    expect(() => changelogSection(changelog('## [1x1y0]\n\n- Not it.\n', '## [1.1.01]\n\n- Nor this.\n'), '1.1.0')).toThrow(
      'no "## [1.1.0]" section',
    );
  });
});

describe('releaseProblems', () => {
  test('none when package.json and the CHANGELOG say the tag and nothing is left unreleased', () => {
    expect(releaseProblems({ tag: 'v1.1.0', packageVersion: '1.1.0', changelog: changelog(V110, V100) })).toEqual([]);
  });

  test('names each disagreement', () => {
    expect(releaseProblems({ tag: 'v1.2.0', packageVersion: '1.1.0', changelog: changelog('- Something new.\n', V110) })).toEqual([
      `package.json's version is "1.1.0", not "1.2.0" as the tag v1.2.0 says`,
      'CHANGELOG.md has no "## [1.2.0]" section: move the Unreleased entries under it',
      `CHANGELOG.md's Unreleased section is not empty: move its entries under "## [1.2.0]"`,
    ]);
  });

  test('refuses a bad tag before looking at anything else', () => {
    expect(() => releaseProblems({ tag: 'v1.2', packageVersion: '1.2', changelog: '' })).toThrow('release tag: "v1.2"');
  });
});

describe('majorTagMove', () => {
  test('creates the major tag with the first release', () => {
    expect(majorTagMove({ tag: 'v1.0.0', tags: ['v1.0.0'], atMajorTag: null })).toEqual({
      major: 'v1',
      move: true,
      latest: true,
      reason: 'v1 moves to v1.0.0',
    });
  });

  test('moves it forward, to a newer patch or minor', () => {
    const tags = ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1'];
    expect(majorTagMove({ tag: 'v1.1.0', tags, atMajorTag: ['v1.0.1', 'v1'] })).toMatchObject({ move: true, latest: true });
  });

  test('keeps it on a newer release when an older patch is released later', () => {
    const tags = ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1'];
    expect(majorTagMove({ tag: 'v1.0.1', tags, atMajorTag: ['v1.1.0', 'v1'] })).toEqual({
      major: 'v1',
      move: false,
      latest: false,
      reason: 'v1 stays at v1.1.0, which is newer than v1.0.1',
    });
  });

  test('keeps it when a newer release of the major exists, even if the major tag lags behind', () => {
    const tags = ['v1.0.0', 'v1.0.1', 'v1.2.0', 'v1'];
    expect(majorTagMove({ tag: 'v1.0.1', tags, atMajorTag: ['v1.0.0', 'v1'] })).toMatchObject({
      move: false,
      reason: 'v1 stays: v1.2.0 is newer than v1.0.1',
    });
  });

  test('moves v1 for a v1 patch released after v2, which is then the latest', () => {
    const tags = ['v1.0.0', 'v1.0.1', 'v2.0.0', 'v1', 'v2'];
    expect(majorTagMove({ tag: 'v1.0.1', tags, atMajorTag: ['v1.0.0', 'v1'] })).toEqual({
      major: 'v1',
      move: true,
      latest: false,
      reason: 'v1 moves to v1.0.1',
    });
  });

  test('refuses to move it across majors', () => {
    expect(() => majorTagMove({ tag: 'v1.3.0', tags: ['v1.2.0', 'v2.0.0', 'v1'], atMajorTag: ['v2.0.0', 'v1'] })).toThrow(
      'v1 names the commit of v2.0.0, another major',
    );
  });

  test('refuses to move it from a commit no release of its major names', () => {
    expect(() => majorTagMove({ tag: 'v1.3.0', tags: ['v1.2.0', 'v1'], atMajorTag: ['v1'] })).toThrow(
      'v1 names a commit that no v1.x.y tag names',
    );
  });

  test('reads only version tags: v1.9.9-rc.1 and other names are not releases', () => {
    expect(majorTagMove({ tag: 'v1.1.0', tags: ['v1.0.0', 'v1.9.9-rc.1', 'latest', 'v1'], atMajorTag: ['v1.0.0', 'v1'] })).toMatchObject({
      move: true,
      latest: true,
    });
  });
});

describe('node scripts/release.js', () => {
  // The test's own temporary folder: the repository in repo/, the step's output file beside it.
  let dir = '';
  let repo = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // A repository of the test's own, with git's configuration kept out of it.
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
  const release = (...args: string[]) => {
    const output = join(dir, '.github-output');
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repo, env: { ...env, GITHUB_OUTPUT: output }, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('=') as [string, string]),
    );
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
  };
  /** Commits a release's package.json and CHANGELOG, tagged when `tagged` (the default). */
  const commitRelease = (version: string, notes: string, tagged = true): string => {
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'x', version }));
    writeFileSync(join(repo, 'CHANGELOG.md'), changelog(`## [${version}]\n\n${notes}\n`));
    git('add', '-A');
    git('commit', '-qm', `Release ${version}`);
    if (tagged) git('tag', '-a', `v${version}`, '-m', `v${version}`);
    return git('rev-parse', 'HEAD');
  };
  const start = () => {
    dir = mkdtempSync(join(tmpdir(), 'release-test-'));
    repo = join(dir, 'repo');
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
  };

  test(
    'check and notes read the repository it runs in',
    () => {
      start();
      commitRelease('1.0.0', '- First.');
      expect(release('check', 'v1.0.0')).toMatchObject({ status: 0, stdout: 'v1.0.0: package.json and CHANGELOG.md match\n', stderr: '' });
      expect(release('notes', 'v1.0.0')).toMatchObject({ status: 0, stdout: '- First.\n', stderr: '' });
      const wrong = release('notes', 'v1.0.1');
      expect(wrong.status).toBe(1);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr).toContain(`error: v1.0.1 cannot be released:\n  package.json's version is "1.0.0", not "1.0.1"`);
    },
    CLI_TIMEOUT,
  );

  test(
    'major-tag says where the major tag goes, on the log and in the step outputs',
    () => {
      start();
      const first = commitRelease('1.0.0', '- First.');
      expect(release('major-tag', 'v1.0.0')).toMatchObject({
        status: 0,
        stdout: 'v1 moves to v1.0.0\n',
        outputs: { major: 'v1', move: 'true', latest: 'true', sha: first },
      });
      git('tag', 'v1', first);

      const second = commitRelease('1.1.0', '- Second.');
      expect(release('major-tag', 'v1.1.0')).toMatchObject({ status: 0, outputs: { move: 'true', latest: 'true', sha: second } });
      git('tag', '-f', 'v1', second);

      // A patch of 1.0 released after 1.1: released, but v1 stays on 1.1.0.
      git('checkout', '-q', '-b', 'release-1.0', 'v1.0.0');
      const patch = commitRelease('1.0.1', '- A fix.');
      expect(release('major-tag', 'v1.0.1')).toMatchObject({
        status: 0,
        stdout: 'v1 stays at v1.1.0, which is newer than v1.0.1\n',
        outputs: { major: 'v1', move: 'false', latest: 'false', sha: patch },
      });
    },
    CLI_TIMEOUT,
  );

  test(
    'major-tag refuses to move v1 off another major, and writes no outputs',
    () => {
      start();
      commitRelease('1.0.0', '- First.');
      const v2 = commitRelease('2.0.0', '- Breaking.');
      git('tag', 'v1', v2);
      git('checkout', '-q', '-b', 'release-1', 'v1.0.0');
      commitRelease('1.0.1', '- A fix.');
      const r = release('major-tag', 'v1.0.1');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('error: v1 names the commit of v2.0.0, another major');
      expect(r.outputs).toEqual({});
    },
    CLI_TIMEOUT,
  );

  test(
    'a dry run checks, shows the notes and where v1 goes, before the tag exists',
    () => {
      start();
      const head = commitRelease('1.0.0', '- First.', false);
      const r = release('v1.0.0');
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`Release v1.0.0 at ${head} (HEAD: v1.0.0 is not tagged yet), the latest release.\nv1 moves to v1.0.0.`);
      expect(r.stdout).toContain('Notes:\n\n- First.\n');
      expect(r.outputs).toEqual({});
    },
    CLI_TIMEOUT,
  );

  test(
    'refuses a bad tag and a missing one, saying what it takes',
    () => {
      start();
      commitRelease('1.0.0', '- First.');
      expect(release('major-tag', 'v1.0')).toMatchObject({
        status: 1,
        stderr: 'error: release tag: "v1.0" is not v<major>.<minor>.<patch> (e.g. v1.2.3)\n',
      });
      expect(release('notes')).toMatchObject({
        status: 1,
        stderr: 'error: usage: node scripts/release.js [check|notes|major-tag] v<major>.<minor>.<patch>\n',
      });
    },
    CLI_TIMEOUT,
  );
});

describe("this repository's version", () => {
  const root = join(import.meta.dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    version: string;
    packages: { '': { version: string } };
  };
  const text = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

  test("package.json's version is a release the CHANGELOG has a section for, and package-lock.json says the same", () => {
    expect(parseTag(`v${pkg.version}`).version).toBe(pkg.version);
    expect(changelogSection(text, pkg.version)).not.toBe('');
    expect([lock.version, lock.packages[''].version]).toEqual([pkg.version, pkg.version]);
  });

  test('the newest release section of the CHANGELOG is the version in package.json, with one upgrade guide per major', () => {
    const released = [...text.matchAll(/^## \[(\d+\.\d+\.\d+)\]/gm)].map((m) => m[1]);
    expect(released[0]).toBe(pkg.version);
    const guides = [...text.matchAll(/^### Upgrading from (v\d+)$/gm)].map((m) => m[1]);
    expect(guides.filter((guide, i) => guides.indexOf(guide) !== i)).toEqual([]);
  });
});
