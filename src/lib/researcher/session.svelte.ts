import { ApiError } from '$lib/api/client';
import { auth, type Researcher } from '$lib/api/researcher';

export type SessionStatus = 'loading' | 'anonymous' | 'ready' | 'offline';

/** Who is logged in to the researcher area; one instance for the whole app. */
class ResearcherSession {
	status = $state<SessionStatus>('loading');
	researcher = $state<Researcher | null>(null);
	/** True while no researcher account exists at all: the login form then explains the setup link. */
	setupRequired = $state(false);

	async load(): Promise<void> {
		try {
			this.researcher = await auth.me();
			this.status = 'ready';
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) {
				this.researcher = null;
				this.status = 'anonymous';
				this.setupRequired = await auth.setupRequired().catch(() => false);
			} else {
				this.status = 'offline';
			}
		}
	}

	async login(email: string, password: string): Promise<void> {
		this.researcher = await auth.login(email, password);
		this.status = 'ready';
		this.setupRequired = false;
	}

	/** After creating the first account, which logs it in. */
	loggedIn(researcher: Researcher): void {
		this.researcher = researcher;
		this.status = 'ready';
		this.setupRequired = false;
	}

	async logout(): Promise<void> {
		await auth.logout();
		this.researcher = null;
		this.status = 'anonymous';
	}

	/** A 401 from any call means the session ran out: show the login form again. */
	expired(): void {
		this.researcher = null;
		this.status = 'anonymous';
	}
}

export const session = new ResearcherSession();

/** Message key for an API error: a known code has its own text, anything else shows the server's message. */
export function errorText(
	error: unknown,
	t: (key: string, params?: Record<string, string | number>) => string
): string {
	if (error instanceof ApiError) {
		const key = `r.error.${error.code}`;
		const text = t(key);
		if (text !== key) return text;
		if (error.status === 0) return t('r.error.NETWORK_ERROR');
		return error.message;
	}
	return error instanceof Error ? error.message : String(error);
}
