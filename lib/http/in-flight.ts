// How many requests one public endpoint is working on, in this process. Checked before the
// body is read, so no more than `max` bodies are ever buffered at once per endpoint. Each
// process counts its own: N app instances take up to N × max between them.

export class InFlightCap {
  private current = 0;

  constructor(readonly max: number) {}

  /** Takes a slot; false when all `max` are taken. */
  tryEnter(): boolean {
    if (this.current >= this.max) return false;
    this.current++;
    return true;
  }

  leave(): void {
    this.current = Math.max(0, this.current - 1);
  }

  get active(): number {
    return this.current;
  }
}
