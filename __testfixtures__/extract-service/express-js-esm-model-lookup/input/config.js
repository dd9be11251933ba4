export let limit = 2;
export function load() {
  limit = 4;
}
