import test from 'ava';
import { identifierFreeText } from './header-facts';
import { literalValue } from './included-definitions';
import { fallbackMacros, retiredMacros } from './macro-evidence';

// Text as kvm.h 6.1 has it (trimmed): the evidence the diff's hazards quote.
const KVM_61 = `#define __KVM_DEPRECATED_MAIN_0x07 _IO(KVMIO, 0x07)
#define KVM_TRACE_PAUSE           __KVM_DEPRECATED_MAIN_0x07
/* KVM_SET_MEMORY_ALIAS is obsolete: */
#define KVM_SET_MEMORY_ALIAS      _IOW(KVMIO,  0x43, struct kvm_memory_alias)
#define KVM_SET_NR_MMU_PAGES      _IO(KVMIO,   0x44)
#define KVM_EXIT_DCR              15 /* deprecated */
#define KVM_ASSIGN_PCI_DEVICE     _IOR(KVMIO,  0x69, \\
				       struct kvm_assigned_pci_dev)
/*
 * Arch needs to define the macro after implementing the dirty ring
 * feature.
 */
#ifndef KVM_DIRTY_LOG_PAGE_OFFSET
#define KVM_DIRTY_LOG_PAGE_OFFSET 0
#endif
#ifndef KVM_OTHER_GUARD
#define KVM_NOT_A_FALLBACK 1
#endif
`;

test('retired macros: defined through a *_DEPRECATED_* name or with an attached comment that says so', (t) => {
  t.deepEqual(retiredMacros(KVM_61).map((r) => r.name), ['KVM_TRACE_PAUSE', 'KVM_SET_MEMORY_ALIAS', 'KVM_EXIT_DCR']);
  t.regex(retiredMacros(KVM_61)[1]?.evidence ?? '', /KVM_SET_MEMORY_ALIAS is obsolete/);
});

test('a comment is attached only to the definition right below it or on its own line', (t) => {
  const text = '#define A 1 /* deprecated */\n#define B 2\n\n/* obsolete */\n\n#define C 3\n';
  t.deepEqual(retiredMacros(text).map((r) => r.name), ['A']);
});

test('fallback macros: defined only #ifndef themselves', (t) => {
  t.deepEqual(fallbackMacros(KVM_61), ['KVM_DIRTY_LOG_PAGE_OFFSET']);
  t.deepEqual(fallbackMacros('#if !defined(X_PAGE)\n#define X_PAGE 4096\n#endif\n'), ['X_PAGE']);
});

test('literal values and identifier-free texts', (t) => {
  t.is(literalValue('0x01'), 1n);
  t.is(literalValue('(64)'), 64n);
  t.is(literalValue('010'), 8n);
  t.is(literalValue('8UL'), 8n);
  t.is(literalValue('(1 << 2)'), undefined);
  t.is(literalValue('-1'), undefined);
  t.is(identifierFreeText('(1ULL  <<  0)'), '(1ULL << 0)');
  t.is(identifierFreeText('0x1fUL'), '0x1fUL');
  t.is(identifierFreeText('_BITULL(0)'), undefined);
  t.is(identifierFreeText('(KVM_TRC_HANDLER + 0x02)'), undefined);
});
