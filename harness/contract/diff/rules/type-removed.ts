import { defineRule } from '../rule';

export const TYPE_REMOVED = defineRule('TYPE_REMOVED', 'source-break', 'A struct or union name disappeared (an ioctl that used it is reported on its own).');
