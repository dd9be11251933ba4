const id = 1;
export const service = {
  id,
  format(value: number, digits?: number): string {
    return value.toFixed(digits);
  },
  first<T>(items: T[]): T | undefined {
    return items[0];
  },
  onClick(this: HTMLElement, event: MouseEvent): void {
    event.preventDefault();
  },
};
