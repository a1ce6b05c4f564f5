/** "1 follower", "2 followers", "0 characters left": the count with the noun in the right number. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
