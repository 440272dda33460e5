import { defineRule } from '../rule';

export const CONSTANT_DEFAULT_OVERRIDDEN = defineRule('CONSTANT_DEFAULT_OVERRIDDEN', 'hazard', "A constant that had the header's own #ifndef fallback value on this ABI (its architecture's headers did not define it) is now defined by an included architecture header with another value: by the kernel's convention the fallback stands for a feature the architecture lacks, so old binaries could not use the old value for it; whether the old kernel of this ABI really lacked it the header cannot show.");
