/**
 * What makes the browse page's answer right (bench/queries.ts, BROWSE_PAGE_QUERY), checked before
 * its round trips count: an empty page, or the wrong products, would cost fewer calls than the
 * page a shopper gets, so the bench would report a saving that is an error.
 */
interface BrowseAnswer {
  products?: { nodes?: Array<{ name?: unknown; price?: unknown }> } | null;
}

/** Problems with a browse page's `data` (JSON), in words; none when it is right. */
export function browsePageProblems(data: string, search: string): string[] {
  const nodes = (JSON.parse(data) as BrowseAnswer).products?.nodes;
  if (!nodes) return ['no products in the answer'];
  if (nodes.length === 0) return [`no product matches "${search}"`];
  const problems: string[] = [];
  const word = search.toLowerCase();
  for (const [position, { name, price }] of nodes.entries()) {
    // The API's search matches word prefixes (docs/browsing.md), so "containing" is too weak a test.
    const words = typeof name === 'string' ? name.toLowerCase().split(/[^\p{L}\p{N}]+/u) : [];
    if (!words.some((each) => each.startsWith(word))) {
      problems.push(`product ${position} (${String(name)}) has no word starting with "${search}"`);
    }
    if (typeof price !== 'number') {
      problems.push(`product ${position} has no price`);
      continue;
    }
    const previous = nodes[position - 1]?.price;
    if (typeof previous === 'number' && previous > price) {
      problems.push(`product ${position} (${price}) is cheaper than the one before it (${previous})`);
    }
  }
  return problems;
}
