function pad(s, width) {
  if (width === undefined) width = 2;
  return s.padStart(width);
}
export const two = pad('1');
