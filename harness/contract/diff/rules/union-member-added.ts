import { defineRule } from '../rule';

export const UNION_MEMBER_ADDED = defineRule('UNION_MEMBER_ADDED', 'compatible', 'A union member was added as another view of bytes whose existing members are unchanged.');
