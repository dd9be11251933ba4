const id = 1;
export const service = {
  id: id,
  format: function (value: number, digits?: number): string {
    return value.toFixed(digits);
  },
  first: function <T>(items: T[]): T | undefined {
    return items[0];
  },
  onClick: function (this: HTMLElement, event: MouseEvent): void {
    event.preventDefault();
  },
};
