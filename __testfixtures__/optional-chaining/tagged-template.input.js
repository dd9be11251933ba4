// `a?.tag`x`` is a SyntaxError: an optional chain cannot be a template tag.
export function f(a) {
  if (a && a.tag`x`) one(); // expect-report: tagged-template
  if (a && a.sql`select 1`.rows) two(); // expect-report: tagged-template
}
