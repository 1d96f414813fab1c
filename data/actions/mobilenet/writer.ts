// Little-endian binary output for the flat weights file, built up in memory.
export class Writer {
  private readonly parts: Buffer[] = [];

  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value >>> 0);
    return this.push(b);
  }

  i32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32LE(value);
    return this.push(b);
  }

  f64(value: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(value);
    return this.push(b);
  }

  /** A length-prefixed UTF-8 string. */
  text(value: string): this {
    const b = Buffer.from(value, 'utf8');
    return this.u32(b.length).push(b);
  }

  bytes(value: Buffer): this {
    return this.push(value);
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}
