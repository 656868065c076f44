import type { Catalog } from '../types.js';
import { researcherAuth } from './researcher-auth.js';
import { researcherData } from './researcher-data.js';
import { researcherDesign } from './researcher-design.js';
import { researcherMembers } from './researcher-members.js';

/** The researcher workspace (issue 5), split by part of the workspace. */
export const researcher = {
	nl: { ...researcherAuth.nl, ...researcherDesign.nl, ...researcherData.nl, ...researcherMembers.nl },
	en: { ...researcherAuth.en, ...researcherDesign.en, ...researcherData.en, ...researcherMembers.en }
} satisfies Catalog;
