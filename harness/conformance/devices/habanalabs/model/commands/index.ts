import type * as fc from 'fast-check';
import { toJson } from '../../../../../core/util/json';
import type { ModelState } from '../state';
import type { Env } from '../env';
import type { Real } from '../real';
import { cbCreateHandler, cbDestroyHandler, cbInfoHandler } from './cb';
import type { CommandData } from './data';
import type { Handler, Handlers } from './handler';
import { infoHandler } from './info';
import { checkInvariants } from './invariants';
import { closeHandler, openHandler } from './lifecycle';
import { mapDeviceHandler, mapHostHandler, memAllocHandler, memFreeHandler, unmapHandler } from './memory';
import { submitHandler } from './submit';
import { waitHandler, waitMultiHandler } from './wait';

export const HANDLERS: Handlers = {
  open: openHandler, close: closeHandler,
  cbCreate: cbCreateHandler, cbDestroy: cbDestroyHandler, cbInfo: cbInfoHandler,
  memAlloc: memAllocHandler, memFree: memFreeHandler, mapDevice: mapDeviceHandler, mapHost: mapHostHandler, unmap: unmapHandler,
  submit: submitHandler, wait: waitHandler, waitMulti: waitMultiHandler, info: infoHandler,
};

/** The model and the environment it learned, as fast-check's model object. */
export interface World {
  readonly state: ModelState;
  readonly env: Env;
}

function handlerOf<K extends CommandData['op']>(op: K): Handler<K> {
  return HANDLERS[op] as Handler<K>;
}

/** A command for fc.commands: plain data, run through the handler of its op, then the invariants. */
export class ModelCommand implements fc.Command<World, Real> {
  readonly data: CommandData;

  constructor(data: CommandData) {
    this.data = data;
  }

  check(w: Readonly<World>): boolean {
    return handlerOf(this.data.op).check(w.state, this.data as never);
  }

  run(w: World, r: Real): void {
    const x = { m: w.state, r, env: w.env };
    handlerOf(this.data.op).run(x, this.data as never);
    checkInvariants(x, this.toString());
  }

  toString(): string {
    const { op, ...rest } = this.data;
    return `${op}${toJson(rest, 0)}`;
  }
}
