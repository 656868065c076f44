import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
	try {
		loadConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
	it('has working defaults: port 3000 on 127.0.0.1, embedded database in ./data, demo on', () => {
		const config = loadConfig({}, false);
		expect(config).toEqual({
			port: 3000,
			host: '127.0.0.1',
			databaseUrl: undefined,
			dataDir: resolve('./data'),
			staticDir: resolve('./build'),
			seedDemo: true,
			logLevel: 'info',
			logFormat: 'json',
			trustProxy: false
		});
		expect(Object.isFrozen(config)).toBe(true);
	});

	it('logs readable lines in a terminal and JSON elsewhere or in production; LOG_FORMAT decides when set', () => {
		expect(loadConfig({}, true).logFormat).toBe('pretty');
		expect(loadConfig({}, false).logFormat).toBe('json');
		expect(loadConfig({ NODE_ENV: 'production' }, true).logFormat).toBe('json');
		expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
		expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
		expect(configError({ LOG_FORMAT: 'xml' }).message).toMatch(/LOG_FORMAT must be json or pretty/);
	});

	it('reads every variable, trimming blanks and treating empty as unset', () => {
		const config = loadConfig({
			PORT: ' 8080 ',
			HOST: '0.0.0.0',
			DATABASE_URL: 'postgres://user:pw@db.example:5432/standpunt',
			STANDPUNT_DATA_DIR: '/tmp/standpunt-data',
			STANDPUNT_SEED_DEMO: 'false',
			LOG_LEVEL: 'warn'
		});
		expect(config).toMatchObject({
			port: 8080,
			host: '0.0.0.0',
			databaseUrl: 'postgres://user:pw@db.example:5432/standpunt',
			dataDir: '/tmp/standpunt-data',
			seedDemo: false,
			logLevel: 'warn'
		});
		expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
		expect(loadConfig({ DATABASE_URL: 'postgresql:///standpunt?host=/var/run/postgresql' }).databaseUrl).toBeDefined();
	});

	it.each([['abc'], ['0'], ['65536'], ['80.5'], ['-1'], ['3000x']])('rejects PORT=%s, naming PORT', (port) => {
		expect(configError({ PORT: port }).message).toMatch(/^PORT must be a whole number from 1 to 65535/);
	});

	it('rejects a DATABASE_URL that is not a Postgres URL, without repeating it (it may hold a password)', () => {
		for (const url of [
			'mysql://root:geheim@localhost/db',
			'localhost:5432',
			'postgres://u:ge#heim@host/db',
			'postgres://u:geheim@ho st/db'
		]) {
			const error = configError({ DATABASE_URL: url });
			expect(error.message).toMatch(/^DATABASE_URL /);
			expect(error.message).not.toContain('geheim');
		}
	});

	it('rejects bad HOST, LOG_LEVEL, STANDPUNT_SEED_DEMO and STANDPUNT_TRUST_PROXY by name', () => {
		expect(configError({ HOST: 'http://localhost' }).message).toMatch(/^HOST /);
		expect(configError({ LOG_LEVEL: 'loud' }).message).toMatch(/^LOG_LEVEL must be one of/);
		expect(configError({ STANDPUNT_SEED_DEMO: 'yes' }).message).toMatch(/^STANDPUNT_SEED_DEMO must be true or false/);
		expect(configError({ STANDPUNT_TRUST_PROXY: '1' }).message).toMatch(/^STANDPUNT_TRUST_PROXY must be true or false/);
	});

	it('names every invalid variable at once', () => {
		const message = configError({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' }).message;
		expect(message).toContain('PORT');
		expect(message).toContain('LOG_LEVEL');
		expect(message).toContain('DATABASE_URL');
	});
});
