import type { RegisteredRule } from '../../core/rules/registered-rule';
import { defineRule, registeredChangeRule, type Rule } from './rule';

// Every change rule, one line each: a stable id (never renamed once released), its level and its
// one-line purpose. Detection lives in the compare-*.ts files, by kind of declaration, since one
// comparison decides between several rules at once (README, "Change rules"); this table is what
// every report reads. The order is the README's table order.
export const TYPE_ADDED = defineRule('TYPE_ADDED', 'compatible', 'A struct or union was added.');
export const TYPE_REMOVED = defineRule('TYPE_REMOVED', 'source-break', 'A struct or union name disappeared (an ioctl that used it is reported on its own).');
export const TYPE_KIND_CHANGED = defineRule('TYPE_KIND_CHANGED', 'abi-break', 'A struct became a union or the reverse.');
export const STRUCT_SIZE_CHANGED = defineRule('STRUCT_SIZE_CHANGED', 'abi-break', 'The size of a type changed where no size-tolerant dispatch covers it.');
export const STRUCT_GROWN_AT_END = defineRule('STRUCT_GROWN_AT_END', 'compatible', "A type grew at its end and every use of it is size-tolerant (size-extensible ioctl argument or a payload clamped to the caller's size).");
export const STRUCT_GROWN_DISPATCH_DEPENDENT = defineRule('STRUCT_GROWN_DISPATCH_DEPENDENT', 'hazard', 'An ioctl argument grew at its end where the dispatch is not known to be size-tolerant but the header shows a command table indexed by _IOC_NR: compatible if the driver zero-extends like DRM; declare it in a spec or waive it.');
export const STRUCT_ALIGN_CHANGED = defineRule('STRUCT_ALIGN_CHANGED', 'info', 'The alignment of a type changed; a move it causes where the type is embedded is reported there.');
export const FIELD_INSERTED = defineRule('FIELD_INSERTED', 'abi-break', 'A new field occupies bytes that old fields used.');
export const HEADER_ADDED = defineRule('HEADER_ADDED', 'compatible', 'A uAPI header was added (kernel-tree mode).');
export const HEADER_REMOVED = defineRule('HEADER_REMOVED', 'abi-break', 'A uAPI header was removed (kernel-tree mode): everything it declared is gone.');
export const UNION_MEMBER_ADDED = defineRule('UNION_MEMBER_ADDED', 'compatible', 'A union member was added as another view of bytes whose existing members are unchanged.');
export const ARRAY_EXTENDED = defineRule('ARRAY_EXTENDED', 'compatible', 'A field became a longer array in place (x -> x[2]) over bytes no other field used; the struct size rules judge the growth.');
export const ARRAY_MADE_FLEXIBLE = defineRule('ARRAY_MADE_FLEXIBLE', 'compatible', 'A fixed-length array became a flexible (or zero-length) array of the same element type at the same offset, as the kernel turns one-element arrays into flexible ones: the elements keep their bytes; a change of the type\'s size is reported on its own.');
export const FIELD_APPENDED = defineRule('FIELD_APPENDED', 'compatible', 'A new field was added beyond the old end of the type.');
export const FIELD_REMOVED = defineRule('FIELD_REMOVED', 'abi-break', 'A field disappeared and nothing of the same type took its bytes.');
export const FIELD_MOVED = defineRule('FIELD_MOVED', 'abi-break', 'A field is at another offset.');
export const FIELD_RETYPED = defineRule('FIELD_RETYPED', 'abi-break', 'A field has another size, type or byte order at the same offset.');
export const FIELD_SIGNEDNESS_CHANGED = defineRule('FIELD_SIGNEDNESS_CHANGED', 'abi-break', 'A field changed between signed and unsigned at the same size and offset.');
export const FIELD_RENAMED = defineRule('FIELD_RENAMED', 'source-break', 'A field of the same type at the same bytes has a new name.');
export const PAD_GIVEN_MEANING = defineRule('PAD_GIVEN_MEANING', 'compatible', 'A pad or reserved region (must be zero) was given a meaning at the same bytes.');
export const RESERVED_RENUMBERED = defineRule('RESERVED_RENUMBERED', 'info', 'Reserved fields were renamed or resized inside reserved bytes: not a move.');
export const HOLE_GIVEN_MEANING = defineRule('HOLE_GIVEN_MEANING', 'hazard', 'A field the kernel reads now uses implicit padding that old binaries never had to zero: old binaries that left garbage there now pass a value.');
export const FIELD_MADE_RESERVED = defineRule('FIELD_MADE_RESERVED', 'behavior-break', 'A meaningful field became pad/reserved (must be zero): old callers that set it are now rejected.');
export const LAYOUT_32_64_DIVERGENCE = defineRule('LAYOUT_32_64_DIVERGENCE', 'abi-break', 'A type an ioctl reaches has a different layout on a 32-bit ABI than on its 64-bit sibling (i386/x86_64, arm/aarch64): a compat_ioctl hazard.');
export const LAYOUT_32_64_DIVERGENCE_UNUSED = defineRule('LAYOUT_32_64_DIVERGENCE_UNUSED', 'info', 'A type no ioctl reaches differs between a 32-bit ABI and its 64-bit sibling.');
export const ENUM_ADDED = defineRule('ENUM_ADDED', 'compatible', 'An enum was added.');
export const ENUM_REMOVED = defineRule('ENUM_REMOVED', 'source-break', 'An enum type name disappeared (its enumerators are reported on their own).');
export const ENUMERATOR_VALUE_CHANGED = defineRule('ENUMERATOR_VALUE_CHANGED', 'value-break', 'An enumerator has another value.');
export const ENUMERATOR_REMOVED = defineRule('ENUMERATOR_REMOVED', 'value-break', 'An enumerator disappeared.');
export const ENUMERATOR_RENAMED = defineRule('ENUMERATOR_RENAMED', 'source-break', "An enumerator's value now has another name and the old name is gone.");
export const ENUMERATOR_APPENDED = defineRule('ENUMERATOR_APPENDED', 'compatible', 'An enumerator was added after the existing ones.');
export const ENUMERATOR_INSERTED = defineRule('ENUMERATOR_INSERTED', 'compatible', 'An enumerator was inserted mid-enum without changing old values (shifted values are reported separately).');
export const ENUM_SENTINEL_MOVED = defineRule('ENUM_SENTINEL_MOVED', 'compatible', 'A _MAX/_LAST/_COUNT/_NUM sentinel moved; an array it sizes shows as a layout change.');
export const CONSTANT_ADDED = defineRule('CONSTANT_ADDED', 'compatible', 'An integer constant was added.');
export const CONSTANT_REMOVED = defineRule('CONSTANT_REMOVED', 'source-break', "An integer constant's name disappeared.");
export const CONSTANT_VALUE_CHANGED = defineRule('CONSTANT_VALUE_CHANGED', 'value-break', 'An exported integer constant has another value: binaries built with the old one now pass something else.');
export const CONSTANT_SENTINEL_MOVED = defineRule('CONSTANT_SENTINEL_MOVED', 'compatible', 'A _MAX/_LAST/_COUNT/_NUM constant moved; an array it sizes shows as a layout change.');
export const FLAG_ADDED = defineRule('FLAG_ADDED', 'compatible', 'A flag bit was added.');
export const FLAG_REMOVED = defineRule('FLAG_REMOVED', 'value-break', 'A flag bit was removed: old callers setting it are now rejected or misread.');
export const FLAG_VALUE_CHANGED = defineRule('FLAG_VALUE_CHANGED', 'value-break', 'A flag has another bit.');
export const FLAG_COLLISION = defineRule('FLAG_COLLISION', 'value-break', 'A flag shares bits with another flag of its group.');
export const OPCODE_ADDED = defineRule('OPCODE_ADDED', 'compatible', 'A value (opcode, index) was added to a value group.');
export const OPCODE_REMOVED = defineRule('OPCODE_REMOVED', 'value-break', 'A value (opcode, index) was removed from its group.');
export const OPCODE_VALUE_CHANGED = defineRule('OPCODE_VALUE_CHANGED', 'value-break', 'An opcode or index has another value.');
export const OPCODE_PAYLOAD_CHANGED = defineRule('OPCODE_PAYLOAD_CHANGED', 'abi-break', 'An opcode now selects a payload type with another layout.');
export const IOCTL_ADDED = defineRule('IOCTL_ADDED', 'compatible', 'An ioctl was added.');
export const IOCTL_REMOVED = defineRule('IOCTL_REMOVED', 'value-break', 'An ioctl disappeared: old binaries get ENOTTY.');
export const IOCTL_RENAMED = defineRule('IOCTL_RENAMED', 'source-break', 'The same request number now has another name.');
export const IOCTL_BECAME_CONSTANT = defineRule('IOCTL_BECAME_CONSTANT', 'value-break', 'A name that was an ioctl request is now a plain constant: old code still compiles but passes another number.');
export const IOCTL_NR_CHANGED = defineRule('IOCTL_NR_CHANGED', 'value-break', "An ioctl's _IOC_NR changed.");
export const IOCTL_TYPE_CHANGED = defineRule('IOCTL_TYPE_CHANGED', 'value-break', "An ioctl's _IOC_TYPE (the type character) changed.");
export const IOCTL_DIR_CHANGED = defineRule('IOCTL_DIR_CHANGED', 'value-break', "An ioctl's direction changed.");
export const IOCTL_SIZE_CHANGED = defineRule('IOCTL_SIZE_CHANGED', 'value-break', "An ioctl's _IOC_SIZE changed and its dispatch is not declared size-tolerant.");
export const IOCTL_SIZE_EXTENDED = defineRule('IOCTL_SIZE_EXTENDED', 'compatible', "An ioctl's argument grew and the driver dispatches on _IOC_NR with zero-extension (size-extensible).");
export const IOCTL_ARG_TYPE_RENAMED = defineRule('IOCTL_ARG_TYPE_RENAMED', 'source-break', 'An ioctl takes a differently named argument type of the same layout.');
export const IOCTL_EXTENSIBILITY_DROPPED = defineRule('IOCTL_EXTENSIBILITY_DROPPED', 'behavior-break', 'An ioctl is no longer declared size-extensible.');
export const IOCTL_TAIL_POLICY_CHANGED = defineRule('IOCTL_TAIL_POLICY_CHANGED', 'behavior-break', 'What the kernel does with bytes beyond its struct (reject/ignore) changed.');
export const ERRNO_CHANGED = defineRule('ERRNO_CHANGED', 'behavior-break', 'The errno of a failure class changed.');
export const ANNOTATION_CHANGED = defineRule('ANNOTATION_CHANGED', 'behavior-break', "A field's semantic annotation (flags group, value set, handle, user pointer, direction) changed.");
export const SEMVER_BUMP_REQUIRED = defineRule('SEMVER_BUMP_REQUIRED', 'value-break', 'The version was not bumped as the semver policy requires for these changes.');
export const CONSTANT_BOUND_NARROWED = defineRule('CONSTANT_BOUND_NARROWED', 'hazard', 'A sentinel, count or range bound moved so that the range shrank: old binaries may pass values the new bound rejects.');
export const CONSTANT_VERSION_CHANGED = defineRule('CONSTANT_VERSION_CHANGED', 'compatible', 'An interface version number increased: the interface announces additions; old binaries compare or negotiate it.');
export const CONSTANT_MAJOR_VERSION_CHANGED = defineRule('CONSTANT_MAJOR_VERSION_CHANGED', 'hazard', 'A major interface version changed, or a version number went down: old binaries that compare it may refuse or misread the interface.');
export const FLAG_MASK_WIDENED = defineRule('FLAG_MASK_WIDENED', 'compatible', 'An all-valid-flags mask gained bits (flags were added) and kept every old bit.');
export const FLAG_MASK_NARROWED = defineRule('FLAG_MASK_NARROWED', 'hazard', 'A multi-bit mask lost bits: old binaries that pass flags it no longer includes may be rejected.');
export const VALUE_KIND_CHANGED = defineRule('VALUE_KIND_CHANGED', 'info', 'A name moved between #define and enumerator with the same value: nothing a binary sees changed.');
export const PAD_GIVEN_MEANING_UNCHECKED = defineRule('PAD_GIVEN_MEANING_UNCHECKED', 'hazard', 'Reserved bytes the kernel reads got a meaning, but nothing shows old kernels rejected non-zero there: old binaries that left garbage now pass a value.');
export const HOLE_GIVEN_MEANING_OUTPUT = defineRule('HOLE_GIVEN_MEANING_OUTPUT', 'compatible', 'A field the kernel writes now uses former padding: old binaries never read those bytes.');
export const FIELD_NARROWED = defineRule('FIELD_NARROWED', 'hazard', 'A field became narrower with the rest of its bytes made explicit padding: old values that do not fit are rejected or cut.');
export const FIELD_NARROWED_BIG_ENDIAN = defineRule('FIELD_NARROWED_BIG_ENDIAN', 'abi-break', 'A field became narrower at the same offset on a big-endian ABI: the low bytes old binaries write now lie in the padding.');
export const STRUCT_GROWN_SIZE_FIELD = defineRule('STRUCT_GROWN_SIZE_FIELD', 'hazard', "A type that carries its own size (a size/argsz field) grew at its end: compatible when the kernel reads only the caller's size, as the convention is.");
export const STRUCT_GROWN_NOT_CARRIED = defineRule('STRUCT_GROWN_NOT_CARRIED', 'hazard', 'A type no ioctl of the header carries (a syscall argument, or passed behind _IO or a pointer) grew at its end: compatible only if its users pass and honour the size.');
export const LAYOUT_32_64_DIVERGENCE_NEW_TYPE = defineRule('LAYOUT_32_64_DIVERGENCE_NEW_TYPE', 'hazard', 'A new type an ioctl reaches lays out differently on a 32-bit ABI than on its 64-bit sibling: no old binary uses it, but 32-bit callers on a 64-bit kernel need a compat handler.');
export const IOCTL_SIZE_DISPATCH_DEPENDENT = defineRule('IOCTL_SIZE_DISPATCH_DEPENDENT', 'hazard', 'An ioctl argument grew, so its request number changed; the header shows a command table indexed by _IOC_NR, so old requests keep working if the driver zero-extends like DRM.');
export const ARRAY_SHORTENED = defineRule('ARRAY_SHORTENED', 'hazard', 'An array became shorter at the same offset and its freed tail holds new fields: old binaries that used the dropped elements now set or read those fields.');
export const FLEXIBLE_ARRAY_RETYPED = defineRule('FLEXIBLE_ARRAY_RETYPED', 'hazard', 'A flexible (or zero-length) array changed its element type at the same offset: the payload behind it is counted in other units, which old binaries may size wrongly.');
export const INTERNAL_NAME_REMOVED = defineRule('INTERNAL_NAME_REMOVED', 'hazard', 'An enumerator or ioctl whose name marks it internal or retired (a leading __, as __KVM_DEPRECATED_*) was removed: old binaries that passed its value may be rejected, but the name was not meant for them.');
export const FLAGS_SIGNEDNESS_CHANGED = defineRule('FLAGS_SIGNEDNESS_CHANGED', 'compatible', 'A flags word kept its bytes but changed signedness: only its bits matter, and they travel unchanged.');
export const DEFINITION_NOW_ARCH_SPECIFIC = defineRule('DEFINITION_NOW_ARCH_SPECIFIC', 'hazard', 'A name the old header gave every ABI is now defined only for other architectures (it or its argument type moved into an asm/ header): old binaries of this ABI still use it, but whether this architecture ever served it the header cannot show.');
export const DEFINITION_MOVED = defineRule('DEFINITION_MOVED', 'compatible', 'A name the header no longer defines itself is defined, with the same value, by a uAPI header it includes on this ABI (it moved there): programs still compile and old binaries see the same value.');
export const DEFINITION_MOVED_UNCOMPARED = defineRule('DEFINITION_MOVED_UNCOMPARED', 'hazard', 'A name the header no longer defines itself is still defined by a uAPI header it includes on this ABI, by an expression the header import does not evaluate there: programs compile, but whether old binaries see the same value needs the two definitions compared.');
export const IOCTL_REMOVED_RETIRED = defineRule('IOCTL_REMOVED_RETIRED', 'hazard', 'An ioctl the old header itself marked as retired (a comment attached to it says deprecated, obsolete or no longer supported, or it is defined through a *_DEPRECATED_* name) was removed: old binaries that still issue it break only if the old kernel still served it.');
export const IOCTL_REMOVED_UNSERVED = defineRule('IOCTL_REMOVED_UNSERVED', 'compatible', "An ioctl was removed that the old revision's kernel sources (given with --old-tree, or check-tree's past revision) no longer name outside the uAPI headers, documentation and tools, while they do name the header's other ioctls: the old kernel had no handler for it, so old binaries already got ENOTTY.");
export const DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED = defineRule('DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED', 'compatible', "A name the new header defines only for other architectures, which the old revision's kernel sources (--old-tree, or check-tree's past revision) use only under those other architectures' arch/ folders (or nowhere): this ABI's kernel never served it, so its removal here changes nothing old binaries could use.");
export const HOLE_NAMED_PAD = defineRule('HOLE_NAMED_PAD', 'compatible', 'Former implicit padding is now an explicit pad or reserved field: the same bytes, still without a meaning, at the same offsets; the layout is only written out (the kernel starting to reject non-zero there would be a driver change no header shows).');
export const IOCTL_REMOVED_REJECTED = defineRule('IOCTL_REMOVED_REJECTED', 'compatible', "An ioctl was removed that the old revision's kernel sources (--old-tree, or check-tree's past revision) name only as case labels whose body answers an error (r = -EOPNOTSUPP; break;), under every name of its request: the old kernel already refused it, so no old binary that worked depended on it.");
export const CONSTANT_DEFAULT_OVERRIDDEN = defineRule('CONSTANT_DEFAULT_OVERRIDDEN', 'hazard', "A constant that had the header's own #ifndef fallback value on this ABI (its architecture's headers did not define it) is now defined by an included architecture header with another value: by the kernel's convention the fallback stands for a feature the architecture lacks, so old binaries could not use the old value for it; whether the old kernel of this ABI really lacked it the header cannot show.");

/** Every change rule, in the README's order. */
export const CHANGE_RULE_LIST: readonly Rule[] = [
  TYPE_ADDED,
  TYPE_REMOVED,
  TYPE_KIND_CHANGED,
  STRUCT_SIZE_CHANGED,
  STRUCT_GROWN_AT_END,
  STRUCT_GROWN_DISPATCH_DEPENDENT,
  STRUCT_ALIGN_CHANGED,
  FIELD_INSERTED,
  HEADER_ADDED,
  HEADER_REMOVED,
  UNION_MEMBER_ADDED,
  ARRAY_EXTENDED,
  ARRAY_MADE_FLEXIBLE,
  FIELD_APPENDED,
  FIELD_REMOVED,
  FIELD_MOVED,
  FIELD_RETYPED,
  FIELD_SIGNEDNESS_CHANGED,
  FIELD_RENAMED,
  PAD_GIVEN_MEANING,
  RESERVED_RENUMBERED,
  HOLE_GIVEN_MEANING,
  FIELD_MADE_RESERVED,
  LAYOUT_32_64_DIVERGENCE,
  LAYOUT_32_64_DIVERGENCE_UNUSED,
  ENUM_ADDED,
  ENUM_REMOVED,
  ENUMERATOR_VALUE_CHANGED,
  ENUMERATOR_REMOVED,
  ENUMERATOR_RENAMED,
  ENUMERATOR_APPENDED,
  ENUMERATOR_INSERTED,
  ENUM_SENTINEL_MOVED,
  CONSTANT_ADDED,
  CONSTANT_REMOVED,
  CONSTANT_VALUE_CHANGED,
  CONSTANT_SENTINEL_MOVED,
  FLAG_ADDED,
  FLAG_REMOVED,
  FLAG_VALUE_CHANGED,
  FLAG_COLLISION,
  OPCODE_ADDED,
  OPCODE_REMOVED,
  OPCODE_VALUE_CHANGED,
  OPCODE_PAYLOAD_CHANGED,
  IOCTL_ADDED,
  IOCTL_REMOVED,
  IOCTL_RENAMED,
  IOCTL_BECAME_CONSTANT,
  IOCTL_NR_CHANGED,
  IOCTL_TYPE_CHANGED,
  IOCTL_DIR_CHANGED,
  IOCTL_SIZE_CHANGED,
  IOCTL_SIZE_EXTENDED,
  IOCTL_ARG_TYPE_RENAMED,
  IOCTL_EXTENSIBILITY_DROPPED,
  IOCTL_TAIL_POLICY_CHANGED,
  ERRNO_CHANGED,
  ANNOTATION_CHANGED,
  SEMVER_BUMP_REQUIRED,
  CONSTANT_BOUND_NARROWED,
  CONSTANT_VERSION_CHANGED,
  CONSTANT_MAJOR_VERSION_CHANGED,
  FLAG_MASK_WIDENED,
  FLAG_MASK_NARROWED,
  VALUE_KIND_CHANGED,
  PAD_GIVEN_MEANING_UNCHECKED,
  HOLE_GIVEN_MEANING_OUTPUT,
  FIELD_NARROWED,
  FIELD_NARROWED_BIG_ENDIAN,
  STRUCT_GROWN_SIZE_FIELD,
  STRUCT_GROWN_NOT_CARRIED,
  LAYOUT_32_64_DIVERGENCE_NEW_TYPE,
  IOCTL_SIZE_DISPATCH_DEPENDENT,
  ARRAY_SHORTENED,
  FLEXIBLE_ARRAY_RETYPED,
  INTERNAL_NAME_REMOVED,
  FLAGS_SIGNEDNESS_CHANGED,
  DEFINITION_NOW_ARCH_SPECIFIC,
  DEFINITION_MOVED,
  DEFINITION_MOVED_UNCOMPARED,
  IOCTL_REMOVED_RETIRED,
  IOCTL_REMOVED_UNSERVED,
  DEFINITION_NOW_ARCH_SPECIFIC_UNSERVED,
  HOLE_NAMED_PAD,
  IOCTL_REMOVED_REJECTED,
  CONSTANT_DEFAULT_OVERRIDDEN,
];

/** Every change rule, by stable id. */
export const CHANGE_RULES: { readonly [id: string]: Rule } = Object.fromEntries(CHANGE_RULE_LIST.map((r) => [r.id, r]));

/** The change rules as the rule registry lists them. */
export const REGISTERED_CHANGE_RULES: readonly RegisteredRule[] = CHANGE_RULE_LIST.map(registeredChangeRule);
