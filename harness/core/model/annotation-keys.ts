/**
 * Every annotation a spec or an `annotations.ts` can carry, by key: what the shape check accepts
 * (spec-shape.ts, import/annotations.ts) and what docs/annotations.md must describe (a test holds
 * the two together). Failure classes are {@link FAILURE_CLASSES} in model.ts.
 */

/** Keys of a field's annotations (`FieldAnnotations`). */
export const FIELD_ANNOTATION_KEYS = ['role', 'flags', 'oneOf', 'handle', 'userPointer', 'sizeOfStruct', 'dir'] as const;

/** Values of `role`. */
export const FIELD_ROLES = ['pad', 'reserved'] as const;

/** Values of `dir` (a field's, or a user pointer's). */
export const DIRECTIONS = ['in', 'out', 'inout'] as const;

/** Keys of `userPointer`. */
export const USER_POINTER_KEYS = ['lengthField', 'lengthUnit', 'elementType', 'dir'] as const;

/** Keys an ioctl takes beyond its encoding (`ioctl(name, {...})`, `ioctls` of an annotations file). */
export const IOCTL_ANNOTATION_KEYS = ['sizeExtensible', 'tail', 'errno', 'doc'] as const;

/** Values of `tail`. */
export const TAIL_POLICIES = ['reject', 'ignore'] as const;

/** Top-level keys of an imported spec's `annotations.ts`. */
export const ANNOTATIONS_FILE_KEYS = ['version', 'fields', 'ioctls', 'groups', 'payloads', 'lintWaivers'] as const;

/** Keys of an entry of `groups` in an annotations file. */
export const GROUP_ANNOTATION_KEYS = ['of', 'members', 'doc'] as const;

/** Keys of a lint waiver. */
export const LINT_WAIVER_KEYS = ['rule', 'reason', 'owner', 'expires'] as const;
