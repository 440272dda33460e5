/**
 * A packet after validation: what the queue executes. The parser decodes a user's command stream
 * into these (a private copy), so changing the buffer after submission changes nothing.
 */
export type Packet =
  | { readonly op: 'nop' }
  | { readonly op: 'stop' }
  | { readonly op: 'wreg'; readonly offset: number; readonly value: number }
  | { readonly op: 'signal'; readonly sob: number; readonly value: number; readonly add: boolean }
  | { readonly op: 'fence'; readonly sob: number; readonly target: number }
  | { readonly op: 'dma'; readonly src: number; readonly dst: number; readonly size: number }
  | { readonly op: 'msgprot'; readonly address: number; readonly value: number }
  /** Only with the accept-unknown-packet mutation: the engine meets an opcode it does not know. */
  | { readonly op: 'undefined'; readonly opcode: number };
