import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-app.js';
import { client, loginAs, smallStudy } from '../studies/helpers.js';
import { createTestStudy } from './participate-fixture.js';

// Issue 12: the open link shows the study before anyone enrols (GET /api/studies/by-slug/:slug), and the
// receipt page says how and with whom to withdraw (the study's `contact`, set in its basics).
let t: Awaited<ReturnType<typeof buildTestApp>>;
let api: ReturnType<typeof client>;
const HEADERS = { 'x-standpunt-csrf': '1' };

beforeAll(async () => {
	t = await buildTestApp();
	api = client(t.app, await loginAs(t.app, t.database, 'owner@example.org'));
	await createTestStudy(t.database.db, { slug: 'open-link' });
	await createTestStudy(t.database.db, { slug: 'closed-link', status: 'closed' });
	await createTestStudy(t.database.db, { slug: 'draft-link', status: 'draft' });
	await createTestStudy(t.database.db, { slug: 'invite-link', selfEnrolment: false });
});
afterAll(async () => t?.close());

const participants = () => t.database.db.selectFrom('participants').select('id').execute();

describe('GET /api/studies/by-slug/:slug', () => {
	it('gives the title of an open study with self-enrolment, in the chosen language, and enrols no one', async () => {
		const before = (await participants()).length;
		const nl = await t.app.inject({ method: 'GET', url: '/api/studies/by-slug/open-link' });
		expect(nl.statusCode).toBe(200);
		expect(nl.json()).toEqual({ slug: 'open-link', title: 'Teststudie', language: 'nl', open: true });
		const en = await t.app.inject({ method: 'GET', url: '/api/studies/by-slug/open-link?lang=en' });
		expect(en.json()).toMatchObject({ title: 'Test study', language: 'en' });
		expect((await participants()).length).toBe(before);
	});

	it('says a closed study is closed', async () => {
		const response = await t.app.inject({ method: 'GET', url: '/api/studies/by-slug/closed-link' });
		expect(response.statusCode).toBe(200);
		expect(response.json().open).toBe(false);
	});

	it('answers the same 404 for an unknown, a draft and an invite-only study (nothing learnt about them)', async () => {
		const bodies = [];
		for (const slug of ['bestaat-niet', 'draft-link', 'invite-link']) {
			const response = await t.app.inject({ method: 'GET', url: `/api/studies/by-slug/${slug}` });
			expect(response.statusCode, slug).toBe(404);
			bodies.push(response.body);
		}
		expect(new Set(bodies).size).toBe(1);
		expect(JSON.parse(bodies[0]!).error.code).toBe('NOT_FOUND');
	});

	it('refuses an unsupported language (400) and an over-long slug (414), with an error body', async () => {
		expect((await t.app.inject({ method: 'GET', url: '/api/studies/by-slug/open-link?lang=de' })).statusCode).toBe(400);
		const long = await t.app.inject({ method: 'GET', url: `/api/studies/by-slug/${'a'.repeat(101)}` });
		expect(long.statusCode).toBe(414);
	});
});

describe('the withdrawal contact (study basics → receipt page)', () => {
	async function openStudy(slug: string, extra: Record<string, unknown> = {}): Promise<string> {
		const created = await api('POST', '/api/studies', smallStudy(slug, { selfEnrolment: true, ...extra }));
		expect(created.statusCode, created.body).toBe(201);
		const id = created.json().id as string;
		expect((await api('POST', `/api/studies/${id}/status`, { status: 'open' })).statusCode).toBe(200);
		return id;
	}
	async function participation(slug: string, lang: string) {
		const enrolled = await t.app.inject({
			method: 'POST',
			url: `/api/studies/by-slug/${slug}/participants`,
			headers: HEADERS,
			payload: {}
		});
		expect(enrolled.statusCode).toBe(201);
		return (await t.app.inject({ method: 'GET', url: `/api/participate/${enrolled.json().code}?lang=${lang}` })).json()
			.study;
	}

	it('is empty until the researcher writes it; then participants read it in their language', async () => {
		const id = await openStudy('contact-studie');
		expect((await api('GET', `/api/studies/${id}`)).json().study.contact).toEqual({});
		expect((await participation('contact-studie', 'nl')).contact).toBe('');

		const contact = {
			nl: 'Mail onderzoek@example.org en noem je ontvangstcode.',
			en: 'E-mail research@example.org with your receipt code.'
		};
		const patched = await api('PATCH', `/api/studies/${id}`, { contact });
		expect(patched.statusCode).toBe(200);
		expect(patched.json().study.contact).toEqual(contact);
		expect((await participation('contact-studie', 'nl')).contact).toBe(contact.nl);
		expect((await participation('contact-studie', 'en')).contact).toBe(contact.en);
	});

	it('is set at creation too, and a missing language falls back to the first study language', async () => {
		await openStudy('contact-bij-aanmaak', { contact: { nl: 'Bel 0800-1234.' } });
		expect((await participation('contact-bij-aanmaak', 'en')).contact).toBe('Bel 0800-1234.');
	});

	it('refuses a contact that is too long or of an unknown language (400) and keeps the old one', async () => {
		const id = await openStudy('contact-fout', { contact: 'Vraag het de teamleider.' });
		for (const contact of ['x'.repeat(20001), { nl: 'x'.repeat(20001) }, { de: 'Fragen Sie' }]) {
			const response = await api('PATCH', `/api/studies/${id}`, { contact });
			expect(response.statusCode, JSON.stringify(contact).slice(0, 20)).toBe(400);
			expect(response.json().error.code).toBe('VALIDATION_FAILED');
		}
		expect((await api('GET', `/api/studies/${id}`)).json().study.contact).toEqual({
			nl: 'Vraag het de teamleider.',
			en: 'Vraag het de teamleider.'
		});
	});

	it('keeps formulas, markup and odd characters as plain text', async () => {
		const id = await openStudy('contact-raar');
		const text = '=HYPERLINK("http://evil") <script>alert(1)</script> 👮‍♀️';
		expect((await api('PATCH', `/api/studies/${id}`, { contact: text })).statusCode).toBe(200);
		expect((await participation('contact-raar', 'nl')).contact).toBe(text);
	});
});
