import { resolve } from 'node:path';

export interface AppConfig {
	port: number;
	host: string;
	/** Unset: the embedded database in `dataDir`. */
	databaseUrl: string | undefined;
	dataDir: string;
	/** Folder with the built single-page app (`npm run build`). */
	staticDir: string;
	/** Create the demo study when the database has no studies yet. */
	seedDemo: boolean;
	logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
	/** json: one JSON object per line (production, log collectors); pretty: readable lines for a terminal. */
	logFormat: 'json' | 'pretty';
	/** Behind a TLS-terminating proxy: trust its X-Forwarded-Proto when deciding on Secure cookies. */
	trustProxy: boolean;
}

export class ConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConfigError';
	}
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function booleanVariable(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
	const text = env[name]?.trim() || String(fallback);
	if (text !== 'true' && text !== 'false') problems.push(`${name} must be true or false, got "${env[name]}"`);
	return text === 'true';
}

/** Checks a connection string without ever repeating it: it may hold a password. */
function checkDatabaseUrl(databaseUrl: string, problems: string[]): void {
	if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
		problems.push('DATABASE_URL must start with postgres:// or postgresql://');
		return;
	}
	try {
		const url = new URL(databaseUrl);
		if (!url.hostname && !url.searchParams.get('host')) problems.push('DATABASE_URL names no host');
	} catch {
		problems.push(
			'DATABASE_URL is not a valid URL (check for special characters in the password: percent-encode them)'
		);
	}
}

/**
 * Reads and validates the configuration once, at start. Every variable is documented in the
 * README and in `.env.example`. Throws one ConfigError that names every invalid variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, terminal = Boolean(process.stdout.isTTY)): AppConfig {
	const problems: string[] = [];
	const portText = env.PORT?.trim() || '3000';
	if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
		problems.push(`PORT must be a whole number from 1 to 65535, got "${env.PORT}"`);
	}
	const host = env.HOST?.trim() || '127.0.0.1';
	if (/\s|\/|:\/\//.test(host))
		problems.push(`HOST must be a host name or IP address (e.g. 127.0.0.1 or 0.0.0.0), got "${env.HOST}"`);
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	if (databaseUrl) checkDatabaseUrl(databaseUrl, problems);
	const logLevel = (env.LOG_LEVEL?.trim() || 'info') as AppConfig['logLevel'];
	if (!LOG_LEVELS.includes(logLevel)) {
		problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
	}
	// Readable in a terminal, JSON everywhere else (a service manager, a container, NODE_ENV=production).
	const defaultFormat = terminal && env.NODE_ENV !== 'production' ? 'pretty' : 'json';
	const logFormat = (env.LOG_FORMAT?.trim() || defaultFormat) as AppConfig['logFormat'];
	if (logFormat !== 'json' && logFormat !== 'pretty')
		problems.push(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
	const seedDemo = booleanVariable(env, 'STANDPUNT_SEED_DEMO', true, problems);
	const trustProxy = booleanVariable(env, 'STANDPUNT_TRUST_PROXY', false, problems);
	if (problems.length > 0) throw new ConfigError(problems.join('; '));
	return Object.freeze({
		port: Number(portText),
		host,
		databaseUrl,
		dataDir: resolve(env.STANDPUNT_DATA_DIR?.trim() || './data'),
		staticDir: resolve(env.STANDPUNT_STATIC_DIR?.trim() || './build'),
		seedDemo,
		logLevel,
		logFormat,
		trustProxy
	});
}
