// Comments and line breaks inside the kept chain stay where they are.
export function f(config) {
  if (
    config
      // the HTTP part
      ?.server
  ) {
    listen();
  }
  if (config && config.db /* optional */ && config.db.url) connect(); // expect-report: comment-inside
}
