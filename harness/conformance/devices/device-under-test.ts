import type { BackendName } from '../../core/boundary/process';
import type { Issue } from '../../core/diagnostics/issue';
import type { Spec } from '../../core/model/model';
import type { SuiteProperty } from '../pbt/properties/suite-property';
import type { SpecFacts } from '../pbt/spec-facts/spec-facts';
import type { Slot, System, SystemOptions } from '../pbt/world/system';

/** Handles by the kind names the spec's `handle(kind)` annotations use. */
export type HandlesByKind = ReadonlyMap<string, readonly bigint[]>;

/** Mapped host memory of a slot with its device address. */
export interface MappedHost {
  readonly address: number;
  readonly size: number;
  readonly va: bigint;
}

/**
 * What a device's recipe makes before a property's call: a system with two open files and live
 * handles of each kind the spec annotates (`handle(kind)`), handles that were destroyed (stale), the
 * other file's live ones (foreign), and mapped host memory for user pointers. Handle kinds the
 * recipe makes on the full uAPI but could not make with the client's spec are listed in
 * `outOfReach` (a case that needs one is never generated). Slot 0 is the caller; slot 1 owns the
 * foreign handles. Built the same way every time, so that two stages (two ABIs, a baseline and a
 * variant) start identical.
 */
export interface Stage {
  readonly system: System;
  readonly own: Slot;
  readonly other: Slot;
  readonly live: HandlesByKind;
  readonly foreign: HandlesByKind;
  readonly stale: HandlesByKind;
  readonly host: MappedHost;
  /** Handle kinds the recipe makes on the full uAPI but could not make with the client's spec. */
  readonly outOfReach: ReadonlySet<string>;
}

/** What a recipe is given: the specs, the ABI, the counter (and an emulated device's mutations and configuration). */
export type RecipeOptions = Omit<SystemOptions, 'slots'>;

/**
 * A *device under test*: what the spec-derived properties need of a driver to run against it (valid
 * calls with declared errnos, single faults, handles live/stale/foreign, bad pointers, unknown
 * commands, shorter and longer arguments, the compat encoding). The suite knows drivers only
 * through this; `harness/conformance/devices/` lists the ones it has (the habanalabs emulated core).
 */
export interface DeviceUnderTest {
  /** For messages, before its problem: which driver, on which backend (`the emulated habanalabs core`). */
  readonly name: string;
  /** What its processes are: TypeScript ones (`emulated`, the default) or real ones through the native executor. */
  readonly backend?: BackendName;
  /**
   * The errno the driver answers a command it does not know, or a known one with another size, when it
   * is not the ENOTTY of design rule D3 (userfaultfd: EINVAL), with why; D3 and D4 then expect it.
   */
  readonly unknownCommand?: { readonly errno: number; readonly why: string };
  /**
   * Set (to why) when the driver copies in only the argument's leading fields it reads and never the
   * trailing output-only ones (userfaultfd's `copy_from_user(&x, arg, sizeof(x) - sizeof(x.copy))`):
   * an argument unreadable only in those trailing bytes is then not a bad pointer to it, and the
   * unreadable-argument property cuts the argument inside the bytes the driver reads.
   */
  readonly readsInputPrefixOnly?: string;
  /**
   * Set (with the errno and why) when the driver checks user address ranges against the calling
   * process's address space, as the kernel's range checks do (a 32-bit process's ends at 4 GiB): a call
   * whose input holds a value at or past 2^32 may then fail with `errno` in the 32-bit process only,
   * and D13 does not compare such a call.
   */
  readonly compatAddressLimit?: { readonly errno: number; readonly why: string };
  /** How a process opens it: the node of a compute open and, when the driver has one, its control node. */
  readonly nodes: { readonly compute: string; readonly control?: string };
  /** Why it cannot serve `spec`, after its name (`needs X, Y, Z and 4 more, which S 1.0.0 does not define`), or undefined. */
  problem(spec: Spec): string | undefined;
  /** Builds the stage (see {@link Stage}); issues when the device cannot be created or the spec lacks what the recipe uses. */
  recipe(options: RecipeOptions): { stage?: Stage; issues: Issue[] };
  /** Handle kinds the recipe cannot make with the client's spec (without building anything). */
  outOfReach(facts: SpecFacts): ReadonlySet<string>;
  /** Properties only this device has (a stateful model of it, scenarios); they run after the spec-derived ones. */
  readonly properties: readonly SuiteProperty[];
}
