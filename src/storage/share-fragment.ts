// Whether an address's fragment is a share link's (share-link.ts has the codec): a check the page
// makes as it opens, kept apart so that the codec loads only when a link is made or opened.

/** A share link's fragment: "scenario=v<version>." then the payload (share-link.ts SHARE_PREFIX). */
export function isShareFragment(fragment: string): boolean {
  return /^scenario=v\d+\./.test(fragment);
}
