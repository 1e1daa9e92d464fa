// Inputs from the hardening review (issue 16) that broke the page, shared by the unit tests,
// the property tests (as values they draw from) and the e2e specs.

/** Names every plain object inherits: `table[name]` or `name in table` finds them on
 * Object.prototype, so a lookup with a string from a link or a file must check own keys. */
export const INHERITED_NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', 'prototype'] as const;
