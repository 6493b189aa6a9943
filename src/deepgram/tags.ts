/**
 * The tag this action ends every comment it writes with, and the exact tests that find it again.
 *
 *   [dg-action:<12 hex> job]          a job's set: revoked at job end; pruned once it is older than
 *                                     `prune-after` (its job cannot still be running)
 *   [dg-action:<12 hex> kept]         kept on purpose (`revoke: false`): never pruned
 *   [dg-action:<12 hex> keep=<name>]  kept under a name (`keep`): never pruned, found by its name
 *   [dg-action:<12 hex>]              legacy: release 1.0.0 ended every comment so, job sets and the
 *                                     `revoke: false` sets its README made for pull secrets alike;
 *                                     the tag cannot tell them apart, so no later release prunes
 *                                     it (the execution that wrote it still sweeps its own strays)
 *
 * A release never changes what it does to a tag an earlier release wrote: a new kind of set gets
 * a new form, which no earlier release matches as one of its own kinds.
 *
 * The 12 hex digits are the execution's marker (`dg-action:<hex>`): one execution's own sweep finds
 * every set it made, whatever the kind, while pruning and name look-ups match one kind exactly.
 * Only the tag at the very end of a comment counts, so text a person put earlier in a comment
 * (a copied tag, say) can never make a set look like one of ours.
 */
import { randomHex } from '../net/random.js';

export type TagKind = { kind: 'job' } | { kind: 'legacy' } | { kind: 'kept' } | { kind: 'named'; name: string };

export interface Tag {
  /** The execution's marker, `dg-action:<12 hex>`. */
  marker: string;
  kind: TagKind;
}

/** A name for `keep`: 1 to 63 of a-z, 0-9 and '-'. */
export const KEEP_NAME = /^[a-z0-9-]{1,63}$/;

const TRAILING_TAG = / ?\[(dg-action:[0-9a-f]{12})(?: (job|kept|keep=[a-z0-9-]{1,63}))?\]$/;

/** A token unique to this execution of the action, e.g. "dg-action:5f0c2a9e7b4d". */
export function newMarker(): string {
  return `dg-action:${randomHex(6)}`;
}

/** The kind of set a step makes: kept under a name, kept (revoke: false), or a job's own. */
export function tagKindFor(settings: { keep: string; revoke: boolean }): TagKind {
  if (settings.keep) return { kind: 'named', name: settings.keep };
  return settings.revoke ? { kind: 'job' } : { kind: 'kept' };
}

/** The tag's text, brackets included. */
export function formatTag(tag: Tag): string {
  return `[${tag.marker}${suffixOf(tag.kind)}]`;
}

function suffixOf(kind: TagKind): string {
  switch (kind.kind) {
    case 'job':
      return ' job';
    case 'kept':
      return ' kept';
    case 'named':
      return ` keep=${kind.name}`;
    case 'legacy':
      return '';
  }
}

/**
 * The longest comment the action sends, in UTF-16 units (so in characters too, however an API
 * counts them). The tag at the end is all that finds a set again: an API that shortened a longer
 * comment would cut the tag off, and the set could never be swept or pruned.
 */
export const MAX_COMMENT_LENGTH = 200;

/**
 * The comment sent to Deepgram: the person's comment, then the tag, at most MAX_COMMENT_LENGTH
 * long. A person's comment too long for that is shortened, ending with '…'; the tag never is.
 */
export function tagComment(comment: string, tag: Tag): string {
  const text = formatTag(tag);
  if (!comment) return text;
  const room = MAX_COMMENT_LENGTH - text.length - 1;
  return `${comment.length <= room ? comment : `${shorten(comment, room - 1).trimEnd()}…`} ${text}`;
}

/** The longest start of `text` at most `length` UTF-16 units long that does not split a character. */
function shorten(text: string, length: number): string {
  let end = 0;
  for (const char of text) {
    if (end + char.length > length) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The comment ends with exactly this tag: a sweep, pruning and a look-up by name will find the set. */
export function endsWithTag(comment: string, tag: Tag): boolean {
  const found = parseTag(comment);
  return found !== undefined && formatTag(found) === formatTag(tag);
}

/** The tag a comment ends with, or undefined when it ends with none of ours. */
export function parseTag(comment: string): Tag | undefined {
  const match = TRAILING_TAG.exec(comment);
  if (!match) return undefined;
  const marker = match[1] as string;
  const suffix = match[2];
  if (suffix === undefined) return { marker, kind: { kind: 'legacy' } };
  if (suffix === 'job') return { marker, kind: { kind: 'job' } };
  if (suffix === 'kept') return { marker, kind: { kind: 'kept' } };
  return { marker, kind: { kind: 'named', name: suffix.slice('keep='.length) } };
}

/** Made by the execution that owns `marker`, whatever the kind. */
export function madeBy(comment: string, marker: string): boolean {
  return parseTag(comment)?.marker === marker;
}

/** A job's set, tagged so by a release that prunes (the only kind pruning may touch; never 1.0.0's tag). */
export function isJobSet(comment: string): boolean {
  return parseTag(comment)?.kind.kind === 'job';
}

/** Kept under exactly this name. */
export function isKeptAs(comment: string, name: string): boolean {
  const kind = parseTag(comment)?.kind;
  return kind?.kind === 'named' && kind.name === name;
}
