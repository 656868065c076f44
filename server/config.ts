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

/**
 * Reads and validates the configuration once, at start. Every variable is documented in the
 * README and in `.env.example`. Throws ConfigError with a message that names the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const portText = env.PORT?.trim() || '3000';
	if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
		throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${env.PORT}"`);
	}
	const databaseUrl = env.DATABASE_URL?.trim() || undefined;
	if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
		throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
	}
	const logLevel = (env.LOG_LEVEL?.trim() || 'info') as AppConfig['logLevel'];
	if (!LOG_LEVELS.includes(logLevel)) {
		throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
	}
	const seed = env.STANDPUNT_SEED_DEMO?.trim() || 'true';
	if (seed !== 'true' && seed !== 'false') {
		throw new ConfigError(`STANDPUNT_SEED_DEMO must be true or false, got "${env.STANDPUNT_SEED_DEMO}"`);
	}
	const trustProxy = env.STANDPUNT_TRUST_PROXY?.trim() || 'false';
	if (trustProxy !== 'true' && trustProxy !== 'false') {
		throw new ConfigError(`STANDPUNT_TRUST_PROXY must be true or false, got "${env.STANDPUNT_TRUST_PROXY}"`);
	}
	return {
		port: Number(portText),
		host: env.HOST?.trim() || '127.0.0.1',
		databaseUrl,
		dataDir: resolve(env.STANDPUNT_DATA_DIR?.trim() || './data'),
		staticDir: resolve(env.STANDPUNT_STATIC_DIR?.trim() || './build'),
		seedDemo: seed === 'true',
		logLevel,
		trustProxy: trustProxy === 'true'
	};
}
