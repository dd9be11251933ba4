const flags = ['a', 'b'];
export const hasA = flags.indexOf('a') /* found? */ !== -1; // expect-report: comment-inside
