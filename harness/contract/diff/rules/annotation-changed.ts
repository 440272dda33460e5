import { defineRule } from '../rule';

export const ANNOTATION_CHANGED = defineRule('ANNOTATION_CHANGED', 'behavior-break', "A field's semantic annotation (flags group, value set, handle, user pointer, direction) changed.");
