// Type-only: the audit trail as the API returns it (server/audit/read.ts, server/routes/audit.ts).

/** One entry: who (a researcher's e-mail, or cli / system) did what to which study, and when. */
export interface AuditEventDto {
	id: string;
	/** ISO 8601, UTC. */
	at: string;
	studyId: string | null;
	/** The study's address at the time; stays readable after the study is deleted. */
	studySlug: string | null;
	actor: string;
	action: string;
	details: Record<string, unknown>;
}
