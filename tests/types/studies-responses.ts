// Compile-time checks (tsc runs on tests/ in `npm run check`): the studies API's hand-written response types in
// src/lib/api/types/studies.ts must stay equal to what the route schemas that serialize them describe, so the two
// cannot drift apart. A mismatch fails `npm run check`; there is nothing to run.
import type { FromSchema } from 'json-schema-to-ts';
import type { memberSchema, questionSchema, statementSchema } from '../../server/routes/studies/schemas.js';
import type { MemberDto, QuestionDto, StatementDto } from '../../src/lib/api/types/studies.js';

/** True only when each of A and B is assignable to the other (the same shape, not merely one way). */
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only with `true`. */
type Expect<T extends true> = T;

export type Checks = [
	Expect<Equal<FromSchema<typeof statementSchema>, StatementDto>>,
	Expect<Equal<FromSchema<typeof questionSchema>, QuestionDto>>,
	Expect<Equal<FromSchema<typeof memberSchema>, MemberDto>>
];
