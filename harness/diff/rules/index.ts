import type { Rule } from '../rule';
import { TYPE_ADDED } from './type-added';
import { TYPE_REMOVED } from './type-removed';
import { TYPE_KIND_CHANGED } from './type-kind-changed';
import { STRUCT_SIZE_CHANGED } from './struct-size-changed';
import { STRUCT_GROWN_AT_END } from './struct-grown-at-end';
import { STRUCT_GROWN_DISPATCH_DEPENDENT } from './struct-grown-dispatch-dependent';
import { STRUCT_ALIGN_CHANGED } from './struct-align-changed';
import { FIELD_INSERTED } from './field-inserted';
import { HEADER_ADDED } from './header-added';
import { HEADER_REMOVED } from './header-removed';
import { UNION_MEMBER_ADDED } from './union-member-added';
import { ARRAY_EXTENDED } from './array-extended';
import { FIELD_APPENDED } from './field-appended';
import { FIELD_REMOVED } from './field-removed';
import { FIELD_MOVED } from './field-moved';
import { FIELD_RETYPED } from './field-retyped';
import { FIELD_SIGNEDNESS_CHANGED } from './field-signedness-changed';
import { FIELD_RENAMED } from './field-renamed';
import { PAD_GIVEN_MEANING } from './pad-given-meaning';
import { RESERVED_RENUMBERED } from './reserved-renumbered';
import { HOLE_GIVEN_MEANING } from './hole-given-meaning';
import { FIELD_MADE_RESERVED } from './field-made-reserved';
import { LAYOUT_32_64_DIVERGENCE } from './layout-32-64-divergence';
import { LAYOUT_32_64_DIVERGENCE_UNUSED } from './layout-32-64-divergence-unused';
import { ENUM_ADDED } from './enum-added';
import { ENUM_REMOVED } from './enum-removed';
import { ENUMERATOR_VALUE_CHANGED } from './enumerator-value-changed';
import { ENUMERATOR_REMOVED } from './enumerator-removed';
import { ENUMERATOR_RENAMED } from './enumerator-renamed';
import { ENUMERATOR_APPENDED } from './enumerator-appended';
import { ENUMERATOR_INSERTED } from './enumerator-inserted';
import { ENUM_SENTINEL_MOVED } from './enum-sentinel-moved';
import { CONSTANT_ADDED } from './constant-added';
import { CONSTANT_REMOVED } from './constant-removed';
import { CONSTANT_VALUE_CHANGED } from './constant-value-changed';
import { CONSTANT_SENTINEL_MOVED } from './constant-sentinel-moved';
import { FLAG_ADDED } from './flag-added';
import { FLAG_REMOVED } from './flag-removed';
import { FLAG_VALUE_CHANGED } from './flag-value-changed';
import { FLAG_COLLISION } from './flag-collision';
import { OPCODE_ADDED } from './opcode-added';
import { OPCODE_REMOVED } from './opcode-removed';
import { OPCODE_VALUE_CHANGED } from './opcode-value-changed';
import { OPCODE_PAYLOAD_CHANGED } from './opcode-payload-changed';
import { IOCTL_ADDED } from './ioctl-added';
import { IOCTL_REMOVED } from './ioctl-removed';
import { IOCTL_RENAMED } from './ioctl-renamed';
import { IOCTL_BECAME_CONSTANT } from './ioctl-became-constant';
import { IOCTL_NR_CHANGED } from './ioctl-nr-changed';
import { IOCTL_TYPE_CHANGED } from './ioctl-type-changed';
import { IOCTL_DIR_CHANGED } from './ioctl-dir-changed';
import { IOCTL_SIZE_CHANGED } from './ioctl-size-changed';
import { IOCTL_SIZE_EXTENDED } from './ioctl-size-extended';
import { IOCTL_ARG_TYPE_RENAMED } from './ioctl-arg-type-renamed';
import { IOCTL_EXTENSIBILITY_DROPPED } from './ioctl-extensibility-dropped';
import { IOCTL_TAIL_POLICY_CHANGED } from './ioctl-tail-policy-changed';
import { ERRNO_CHANGED } from './errno-changed';
import { ANNOTATION_CHANGED } from './annotation-changed';
import { SEMVER_BUMP_REQUIRED } from './semver-bump-required';

export {
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
};

/** Every change rule, by stable id. */
export const RULES: { readonly [id: string]: Rule } = {
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
};
