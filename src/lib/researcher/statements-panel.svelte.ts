import { studies, type StatementDto, type StatementInput, type StatementPatch } from '$lib/api/researcher';
import { moveItem, parseOnePerLine, parseSta, parseStatementsCsv, type ParseResult } from './statement-text.js';
import type { StudyEditor } from './study-editor.svelte';

/** The statements tab: paste and file import with a preview, moves between Q-set and concourse, order. */
export class StatementsPanel {
	pasteText = $state('');
	pasteTarget = $state<'qset' | 'concourse'>('qset');
	/** A parsed file waiting for the researcher's confirmation. */
	imported = $state<ParseResult | null>(null);
	importName = $state('');
	staLanguage = $state('nl');

	constructor(private readonly editor: StudyEditor) {
		this.staLanguage = editor.study?.languages[0] ?? 'nl';
	}

	get languages(): string[] {
		return this.editor.study?.languages ?? ['nl'];
	}

	/** The pasted text as statements, re-read as the researcher types. */
	get pasted(): ParseResult {
		return parseOnePerLine(this.pasteText, this.languages);
	}

	private add(parsed: ParseResult, notice: string): Promise<boolean> {
		const inQset = this.pasteTarget === 'qset';
		const items: StatementInput[] = parsed.statements.map((s) => ({
			...(s.code ? { code: s.code } : {}),
			text: s.text,
			themes: s.themes,
			inQset
		}));
		return this.editor.run(() => studies.addStatements(this.editor.id, items), notice);
	}

	async addPasted(notice: string): Promise<void> {
		if (this.pasted.problems.length) return;
		if (await this.add(this.pasted, notice)) this.pasteText = '';
	}

	/** Reads a chosen file: .sta as PQMethod statements, anything else as CSV with a header. */
	async readFile(file: File): Promise<void> {
		const text = await file.text();
		this.importName = file.name;
		this.imported = /\.sta$/i.test(file.name)
			? parseSta(text, this.staLanguage)
			: parseStatementsCsv(text, this.languages);
	}

	async addImported(notice: string): Promise<void> {
		if (!this.imported || this.imported.problems.length) return;
		if (await this.add(this.imported, notice)) this.imported = null;
	}

	/** Moves a statement one place up or down among the statements of its own group. */
	move(statement: StatementDto, direction: -1 | 1): Promise<boolean> {
		const all = this.editor.study?.statements ?? [];
		const group = all.filter((s) => s.inQset === statement.inQset);
		const neighbour = group[group.findIndex((s) => s.id === statement.id) + direction];
		if (!neighbour) return Promise.resolve(false);
		const ids = all.map((s) => s.id);
		const reordered = moveItem(ids, ids.indexOf(statement.id), ids.indexOf(neighbour.id));
		return this.editor.run(() => studies.reorderStatements(this.editor.id, reordered));
	}

	setInQset(statement: StatementDto, inQset: boolean): Promise<boolean> {
		return this.editor.run(() => studies.updateStatement(this.editor.id, statement.id, { inQset }));
	}

	remove(statement: StatementDto): Promise<boolean> {
		return this.editor.run(() => studies.deleteStatement(this.editor.id, statement.id));
	}

	update(statement: StatementDto, change: StatementPatch): Promise<boolean> {
		return this.editor.run(() => studies.updateStatement(this.editor.id, statement.id, change));
	}
}
