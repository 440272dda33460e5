import { defineRule } from '../rule';

export const DEFINITION_MOVED_UNCOMPARED = defineRule('DEFINITION_MOVED_UNCOMPARED', 'hazard', 'A name the header no longer defines itself is still defined by a uAPI header it includes on this ABI, by an expression the header import does not evaluate there: programs compile, but whether old binaries see the same value needs the two definitions compared.');
