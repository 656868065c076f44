import type { Migration } from 'kysely';
import * as createCoreSchema from './20261123T012000Z-create-core-schema.js';
import * as createLoginSupport from './20261123T012205Z-create-login-support.js';
import * as createWithdrawals from './20261123T012206Z-create-withdrawals.js';
import * as createAnalyses from './20261123T012359Z-create-analyses.js';
import * as createDialogue from './20261123T013000Z-create-dialogue.js';
import * as createRateLimits from './20261128T091246Z-create-rate-limits.js';
import * as createAuditAndRetention from './20261128T095900Z-create-audit-and-retention.js';
import * as addStudyContact from './20261128T100954Z-add-study-contact.js';
import * as createCompositionDisclosures from './20261128T101505Z-create-composition-disclosures.js';
import * as createStudyInvitations from './20261128T101536Z-create-study-invitations.js';

/**
 * Every migration, by name. Listed by hand rather than read from the folder so that the same
 * list works under tsx, vitest and a bundler; names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
	'20261123T012000Z-create-core-schema': createCoreSchema,
	'20261123T012205Z-create-login-support': createLoginSupport,
	'20261123T012206Z-create-withdrawals': createWithdrawals,
	'20261123T012359Z-create-analyses': createAnalyses,
	'20261123T013000Z-create-dialogue': createDialogue,
	'20261128T091246Z-create-rate-limits': createRateLimits,
	'20261128T095900Z-create-audit-and-retention': createAuditAndRetention,
	'20261128T100954Z-add-study-contact': addStudyContact,
	'20261128T101505Z-create-composition-disclosures': createCompositionDisclosures,
	'20261128T101536Z-create-study-invitations': createStudyInvitations
};
